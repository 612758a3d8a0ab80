import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { listenForDataChanges } from '../api/invalidation';
import { AppShell } from './AppShell';
import { providePressableStyle } from './pressable-style';
import { createQueryClient } from './query-client';
import '../styles/base.css';

providePressableStyle();

export function App() {
  const [queryClient] = useState(createQueryClient);
  // Once per client: the core's 'data.changed' events invalidate queries by topic.
  useEffect(() => listenForDataChanges(queryClient), [queryClient]);
  return (
    <QueryClientProvider client={queryClient}>
      <AppShell />
    </QueryClientProvider>
  );
}
