import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { seedFirstAnswers, type FirstAnswers } from '../api/first-answers';
import { listenForDataChanges } from '../api/invalidation';
import { providePressableStyle } from './pressable-style';
import { createQueryClient } from './query-client';
import { SessionGate } from './SessionGate';
import '../styles/base.css';

providePressableStyle();

/** The console; `first`: the answers main.tsx asked for while this code loaded. */
export function App({ first }: { first?: FirstAnswers }) {
  const [queryClient] = useState(() => {
    const client = createQueryClient();
    if (first) seedFirstAnswers(client, first);
    return client;
  });
  // Once per client: the core's 'data.changed' events invalidate queries by topic.
  useEffect(() => listenForDataChanges(queryClient), [queryClient]);
  return (
    <QueryClientProvider client={queryClient}>
      <SessionGate />
    </QueryClientProvider>
  );
}
