import { startTransition, useEffect, useState } from 'react';

/**
 * False for a component's first render, true once the frame after it has been painted: for
 * what may be drawn a moment later than the rest of the page, so that the first paint (the
 * units grid's rows) does not wait for it. The later render is a transition, so a keystroke
 * meanwhile goes first.
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // An animation frame runs just before a paint; a task queued from it runs after that paint.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setPainted(true)));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return painted;
}
