import './training.css';

/**
 * On every screen of a training console, sign-in included: staff must never take what they do
 * here for the real thing. A region with a name, so a screen reader finds it among the landmarks.
 */
export function TrainingBanner() {
  return (
    <div role="region" aria-label="Training mode" className="training-banner">
      <strong>Training mode</strong>
      <span>The doors here are simulated: nothing done on this console reaches a real door or the cloud.</span>
    </div>
  );
}
