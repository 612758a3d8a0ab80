import type { QueryClient } from '@tanstack/react-query';
import type { DataTopic } from '../../../shared/contract';

/**
 * Query keys start with the topic they read, e.g. ['units', query] or ['credentials', unitId],
 * so a data.changed event invalidates exactly the queries that read the changed data. A query
 * that reads a second topic names it in `meta.alsoReads` (the Bluetooth overview: its key says
 * 'bluetooth', the scan list; it also shows jobs, which move with 'doors').
 */
export function listenForDataChanges(client: QueryClient): () => void {
  return window.porter.on('data.changed', ({ topics }) => {
    const changed = new Set<unknown>(topics as DataTopic[]);
    void client.invalidateQueries({
      predicate: (query) => changed.has(query.queryKey[0]) || alsoReads(query.meta).some((topic) => changed.has(topic)),
    });
  });
}

function alsoReads(meta: Record<string, unknown> | undefined): readonly unknown[] {
  const topics = meta?.alsoReads;
  return Array.isArray(topics) ? topics : [];
}
