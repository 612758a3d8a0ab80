import type { z } from 'zod';
import type { PullQuery } from '../api/sync-api';
import type { Change, CloudStore } from '../store/cloud-store';

/**
 * A page of the change log after a cursor. `next` is the cursor to ask after next time
 * (the page's last, or `after` itself when there is nothing new); `more` says to ask again now.
 */
export async function pullChanges(store: CloudStore, query: z.output<typeof PullQuery>): Promise<{ changes: Change[]; next: number; more: boolean }> {
  const { changes, more } = await store.changesAfter(query.after, query.limit);
  return { changes, next: changes.at(-1)?.cursor ?? query.after, more };
}
