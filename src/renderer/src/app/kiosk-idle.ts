import { useEffect, useState } from 'react';

const activity = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/** The start screen's address: the Units page with no search or filter (the browser host keeps its token). */
export function startScreenHash(current: string): string {
  const token = new URLSearchParams(current.replace(/^#/, '')).get('token');
  const start = new URLSearchParams({ view: 'units' });
  if (token) start.set('token', token);
  return `#${start.toString()}`;
}

/**
 * On a kiosk (`idleMs` set by the core's session), after `idleMs` without a touch or a key, the console returns to its start
 * screen: open dialogs, half-filled forms, searches and the last visitor's unit are gone.
 * Answers a key that changes at each reset, for the shell to remount with.
 */
export function useKioskIdleReset(idleMs: number | null): number {
  const [resets, setResets] = useState(0);
  useEffect(() => {
    if (idleMs === null) return;
    let timer = setTimeout(reset, idleMs);
    function reset(): void {
      window.history.replaceState(null, '', startScreenHash(window.location.hash));
      setResets((n) => n + 1);
    }
    const touched = (): void => {
      clearTimeout(timer);
      timer = setTimeout(reset, idleMs);
    };
    for (const event of activity) window.addEventListener(event, touched, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const event of activity) window.removeEventListener(event, touched, { capture: true });
    };
  }, [idleMs]);
  return resets;
}
