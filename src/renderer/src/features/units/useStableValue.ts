import { useState } from 'react';

/**
 * The same object as last render while its JSON is unchanged, so it can key queries and
 * effects without firing them on every render. (React's "adjust state during render".)
 */
export function useStableValue<T>(value: T): T {
  const [stable, setStable] = useState(value);
  if (JSON.stringify(stable) !== JSON.stringify(value)) {
    setStable(value);
    return value;
  }
  return stable;
}
