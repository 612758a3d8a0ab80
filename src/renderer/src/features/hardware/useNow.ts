import { useEffect, useState } from 'react';

/** The clock, moved on every `everyMs`: for "5 s ago" texts that age between refreshes. */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
