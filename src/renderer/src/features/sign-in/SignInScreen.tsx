import type { Session } from '../../../../shared/domain';
import { useStaffList } from '../../api/session';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LoadingState } from '../../components/LoadingState';
import { SignInForm } from './SignInForm';
import './sign-in.css';

/** The demo community ships with passcodes written down in the README; a real one does not. */
const demoCommunityId = 'riverside-commons';

/** The whole window while nobody is signed in on it: pick your name, type your passcode. */
export function SignInScreen({ session }: { session: Session }) {
  const staff = useStaffList();
  return (
    <div className="sign-in">
      <main className="sign-in__panel" aria-labelledby="sign-in-title">
        <div className="sign-in__header">
          <p className="sign-in__brand">Porter</p>
          <h1 id="sign-in-title" className="sign-in__title">
            Sign in
          </h1>
          <p className="sign-in__community">{session.community.name}</p>
        </div>
        {staff.isPending && <LoadingState label="Loading staff…" />}
        {staff.error && <ErrorNotice error={staff.error} title="Could not load the staff list." />}
        {staff.data && staff.data.length === 0 && (
          <p className="muted">Nobody can sign in on this console yet: the community file lists no staff.</p>
        )}
        {staff.data && staff.data.length > 0 && <SignInForm staff={staff.data} />}
        {session.community.id === demoCommunityId && (
          <p className="sign-in__hint">Demo community: passcodes are in the README.</p>
        )}
      </main>
    </div>
  );
}
