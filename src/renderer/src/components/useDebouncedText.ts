import { useEffect, useState } from 'react';

/**
 * The text, once it has stopped changing for `delayMs`: typing does not flood the core.
 * Emptying it (the clear button, "Clear filters") takes effect at once.
 */
export function useDebouncedText(value: string, delayMs: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return value === '' ? '' : settled;
}
