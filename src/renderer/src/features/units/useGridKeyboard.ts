import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';

interface Options {
  count: number;
  /** Cells in a row; Left and Right move between them. */
  columnCount: number;
  /** Rows a Page Up/Down moves; asked at the key press, so rendering never reads layout. */
  pageRows: () => number;
  scrollToIndex: (index: number) => void;
  containerRef: RefObject<HTMLElement | null>;
  /** When this changes (new filters, new sort), the active row goes back to the first. */
  resetKey: string;
}

/** Where roving focus is: a row, or one of its cells (column -1 is the row itself). */
export interface GridFocus {
  index: number;
  column: number;
}

/**
 * Roving focus over virtual rows and their cells: one element is in the tab order; Up/Down,
 * Page Up/Down, Home/End move between rows (keeping the column), Left/Right between the
 * row and its cells, scrolling into view and focusing once the row is rendered.
 */
export function useGridKeyboard({ count, columnCount, pageRows, scrollToIndex, containerRef, resetKey }: Options) {
  const [active, setActive] = useState<GridFocus>({ index: 0, column: -1 });
  const [activeFor, setActiveFor] = useState(resetKey);
  const focusWanted = useRef(false);

  if (activeFor !== resetKey) {
    setActiveFor(resetKey);
    setActive({ index: 0, column: -1 });
  }

  useEffect(() => {
    if (!focusWanted.current) return;
    let frames = 0;
    const tryFocus = () => {
      const row = containerRef.current?.querySelector<HTMLElement>(`[role="row"][data-index="${active.index}"]`);
      const target = active.column < 0 ? row : row?.querySelectorAll<HTMLElement>('[role="gridcell"]')[active.column];
      if (target) {
        target.focus({ preventScroll: true });
        focusWanted.current = false;
      } else if (frames++ < 10) requestAnimationFrame(tryFocus);
    };
    tryFocus();
  }, [active, containerRef]);

  const moveTo = (index: number, column: number) => {
    const next = Math.min(Math.max(index, 0), Math.max(count - 1, 0));
    focusWanted.current = true;
    scrollToIndex(next);
    setActive({ index: next, column: Math.min(Math.max(column, -1), columnCount - 1) });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const { index, column } = active;
    const page = event.key === 'PageDown' || event.key === 'PageUp' ? pageRows() : 0;
    const moves: Record<string, [number, number] | undefined> = {
      ArrowDown: [index + 1, column],
      ArrowUp: [index - 1, column],
      ArrowRight: [index, column + 1],
      ArrowLeft: [index, column - 1],
      PageDown: [index + page, column],
      PageUp: [index - page, column],
      Home: event.ctrlKey ? [0, column] : [index, -1],
      End: event.ctrlKey ? [count - 1, column] : [index, columnCount - 1],
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    moveTo(...target);
  };

  const activeIndex = Math.min(active.index, Math.max(count - 1, 0));
  /** A click puts roving focus on that row (and cell). */
  const setActiveAt = (index: number, column = -1) => setActive({ index, column });
  return { activeIndex, activeColumn: active.column, setActiveAt, onKeyDown };
}
