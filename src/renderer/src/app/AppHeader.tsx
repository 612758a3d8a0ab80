import { Button } from 'react-aria-components';
import { useSignOut, type SignedInSession } from '../api/session';
import { roleLabel } from '../components/labels';

/** Community, its time zone (every time on screen is in it), who is at the console, and sign-out. */
export function AppHeader({ session }: { session: SignedInSession }) {
  const signOut = useSignOut();
  const { operator, community } = session;
  return (
    <header className="app-header">
      <div className="app-header__community">
        <h1 className="app-header__name">{community.name}</h1>
        <span className="app-header__zone" title="Times on screen are in this time zone">
          Time zone: {community.timeZone}
        </span>
      </div>
      <div className="app-header__session">
        {signOut.error && (
          <span role="alert" className="app-header__error">
            {signOut.error.message}
          </span>
        )}
        <div className="app-header__operator" role="group" aria-label="Signed in">
          <span className="app-header__operator-name">{operator.name}</span>
          <span className="app-header__role">{roleLabel(operator.role)}</span>
        </div>
        {/* A kiosk stays signed in as the kiosk: the core refuses its sign-out, so we do not offer it. */}
        {!session.kiosk && (
          <Button className="button button--small" onPress={() => signOut.mutate()} isPending={signOut.isPending}>
            Sign out
          </Button>
        )}
      </div>
    </header>
  );
}
