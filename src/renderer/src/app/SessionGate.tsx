import { lazy, Suspense } from 'react';
import { Button } from 'react-aria-components';
import { useSession } from '../api/queries';
import { isSignedIn } from '../api/session';
import { ErrorNotice } from '../components/ErrorNotice';
import { LoadingState } from '../components/LoadingState';
import { TrainingBanner } from '../features/training/TrainingBanner';
import { AppShell } from './AppShell';
import { useKioskIdleReset } from './kiosk-idle';
import './session-gate.css';

// Signed in, the first paint is the console's; the sign-in screen loads when nobody is.
const SignInScreen = lazy(() => import('../features/sign-in/SignInScreen').then((m) => ({ default: m.SignInScreen })));

/**
 * Sessions are per window: with nobody signed in the whole window is the sign-in screen.
 * The shell is keyed by the operator, so a new sign-in starts every page afresh (and by the
 * kiosk's idle resets). A training console shows its banner above every screen.
 */
export function SessionGate() {
  const training = useSession().data?.training === true;
  return training ? (
    <div className="training-frame">
      <TrainingBanner />
      <div className="training-frame__screen">
        <SessionScreen />
      </div>
    </div>
  ) : (
    <SessionScreen />
  );
}

function SessionScreen() {
  const session = useSession();
  // A kiosk left alone goes back to its start screen: the shell remounts afresh.
  const idle = session.data?.kioskIdleSeconds;
  const resets = useKioskIdleReset(idle ? idle * 1000 : null);
  if (session.data) {
    return isSignedIn(session.data) ? (
      <AppShell key={`${session.data.operator.id}:${resets}`} session={session.data} />
    ) : (
      <Suspense fallback={<SessionLoading />}>
        <SignInScreen session={session.data} />
      </Suspense>
    );
  }
  return (
    <div className="session-gate">
      {session.error ? (
        <div className="session-gate__problem">
          <ErrorNotice error={session.error} title="Could not reach the console core." />
          <Button className="button" onPress={() => void session.refetch()} isPending={session.isFetching}>
            Try again
          </Button>
        </div>
      ) : (
        <LoadingState label="Starting Porter…" />
      )}
    </div>
  );
}

function SessionLoading() {
  return (
    <div className="session-gate">
      <LoadingState label="Starting Porter…" />
    </div>
  );
}
