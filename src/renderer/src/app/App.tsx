import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { listenForDataChanges } from '../api/invalidation';
import { providePressableStyle } from './pressable-style';
import { createQueryClient } from './query-client';
import { SessionGate } from './SessionGate';
import '../styles/base.css';

providePressableStyle();

export function App() {
  const [queryClient] = useState(createQueryClient);
  // Once per client: the core's 'data.changed' events invalidate queries by topic.
  useEffect(() => listenForDataChanges(queryClient), [queryClient]);
  return (
    <QueryClientProvider client={queryClient}>
      <SessionGate />
    </QueryClientProvider>
  );
}
