import { useEffect, useState } from 'react';

/** Longer than the usual double-click interval (500 ms on most desktops). */
const secondPressMs = 600;

/**
 * After an action that moves what is under the pointer or the focus (a dialog closing, an
 * outcome replacing its form), the second press of a double click or a double Enter lands on
 * whatever is there now. `rest()` starts a pause through that press; `resting` is true during it.
 */
export function useSecondPressGuard(startResting = false): { resting: boolean; rest: () => void } {
  const [resting, setResting] = useState(startResting);
  useEffect(() => {
    if (!resting) return;
    const timer = setTimeout(() => setResting(false), secondPressMs);
    return () => clearTimeout(timer);
  }, [resting]);
  return { resting, rest: () => setResting(true) };
}
