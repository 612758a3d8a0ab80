import { errorMessage } from '../../api/mutations';

/**
 * Under a simulator's "Inject fault": what the chosen fault will do (the button's description),
 * what was armed, and why the simulator refused, if it did.
 */
export function FaultFeedback({ effectId, effect, armed, error }: { effectId: string; effect: string | undefined; armed: string | null; error: unknown }) {
  return (
    <>
      <p id={effectId} className="simulator__effect">
        {effect}
      </p>
      <p role="status" className="simulator__armed">
        {armed}
      </p>
      {error != null && (
        <p role="alert" className="simulator__error">
          {errorMessage(error)}
        </p>
      )}
    </>
  );
}
