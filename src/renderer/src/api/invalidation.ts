import type { QueryClient } from '@tanstack/react-query';
import type { DataTopic } from '../../../shared/contract';

/**
 * Query keys start with the topic they read, e.g. ['units', query] or ['credentials', unitId],
 * so a data.changed event invalidates exactly the queries that read the changed data.
 */
export function listenForDataChanges(client: QueryClient): () => void {
  return window.porter.on('data.changed', ({ topics }) => {
    for (const topic of topics as DataTopic[]) void client.invalidateQueries({ queryKey: [topic] });
  });
}
