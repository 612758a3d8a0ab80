import { useSession } from '../api/queries';
import { roleLabel } from '../components/labels';

/** Community, its time zone (every time on screen is in it) and who is at the console. */
export function AppHeader() {
  const { data: session, isPending, error } = useSession();
  return (
    <header className="app-header">
      <div className="app-header__community">
        <h1 className="app-header__name">{session?.community.name ?? (isPending ? 'Loading…' : 'Porter')}</h1>
        {session && (
          <span className="app-header__zone" title="Times on screen are in this time zone">
            Time zone: {session.community.timeZone}
          </span>
        )}
      </div>
      {error && <span role="alert" className="app-header__error">Could not load the session.</span>}
      {session && (
        <div className="app-header__operator" aria-label="Signed in">
          <span className="app-header__operator-name">{session.operator.name}</span>
          <span className="app-header__role">{roleLabel(session.operator.role)}</span>
        </div>
      )}
    </header>
  );
}
