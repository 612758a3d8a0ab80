import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';

interface Options {
  count: number;
  pageRows: number;
  scrollToIndex: (index: number) => void;
  containerRef: RefObject<HTMLElement | null>;
  /** When this changes (new filters, new sort), the active row goes back to the first. */
  resetKey: string;
}

/**
 * Roving focus over virtual rows: one row is in the tab order; arrows, Page Up/Down,
 * Home/End move it, scrolling the row into view and focusing it once it is rendered.
 */
export function useGridKeyboard({ count, pageRows, scrollToIndex, containerRef, resetKey }: Options) {
  const [activeIndex, setActiveIndex] = useState(0);
  const [activeFor, setActiveFor] = useState(resetKey);
  const focusWanted = useRef(false);

  if (activeFor !== resetKey) {
    setActiveFor(resetKey);
    setActiveIndex(0);
  }

  useEffect(() => {
    if (!focusWanted.current) return;
    let frames = 0;
    const tryFocus = () => {
      const row = containerRef.current?.querySelector<HTMLElement>(`[role="row"][data-index="${activeIndex}"]`);
      if (row) {
        row.focus({ preventScroll: true });
        focusWanted.current = false;
      } else if (frames++ < 10) requestAnimationFrame(tryFocus);
    };
    tryFocus();
  }, [activeIndex, containerRef]);

  const moveTo = (index: number) => {
    const next = Math.min(Math.max(index, 0), Math.max(count - 1, 0));
    focusWanted.current = true;
    scrollToIndex(next);
    setActiveIndex(next);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number | undefined> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + pageRows,
      PageUp: activeIndex - pageRows,
      Home: 0,
      End: count - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    moveTo(target);
  };

  return { activeIndex: Math.min(activeIndex, Math.max(count - 1, 0)), setActiveIndex, onKeyDown };
}
