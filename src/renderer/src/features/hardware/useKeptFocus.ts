import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * Keeps focus on a control inside `container` when a re-render moves its row: the browser drops
 * focus from a node React moves (a live list re-sorted), and this puts it back, unless the person
 * had left the container themselves. A control whose row is gone is not followed.
 */
export function useKeptFocus(container: RefObject<HTMLElement | null>): void {
  const focused = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const onFocusIn = (event: FocusEvent) => {
      focused.current = event.target instanceof HTMLElement ? event.target : null;
    };
    const onFocusOut = (event: FocusEvent) => {
      if (event.relatedTarget instanceof Node && root.contains(event.relatedTarget)) return;
      // Decided once this task is over: a move by React is put right in the same task (below).
      queueMicrotask(() => {
        if (!root.contains(document.activeElement)) focused.current = null;
      });
    };
    root.addEventListener('focusin', onFocusIn);
    root.addEventListener('focusout', onFocusOut);
    return () => {
      root.removeEventListener('focusin', onFocusIn);
      root.removeEventListener('focusout', onFocusOut);
    };
  }, [container]);

  // After every commit: the control is still there, but focus fell to the page.
  useLayoutEffect(() => {
    const element = focused.current;
    const active = document.activeElement;
    if (element && element.isConnected && active !== element && (active === null || active === document.body)) {
      element.focus({ preventScroll: true });
    }
  });
}
