import type { z } from 'zod';
import type { PullQuery } from '../../shared/sync';
import type { Change, CloudStore, ConsoleRecord } from '../store/cloud-store';
import type { ChangeFeed } from './change-feed';
import { scopeChanges } from './scope-changes';

export interface ChangePage {
  changes: Change[];
  next: number;
  more: boolean;
  /** True when the cloud held the request for news (`wait`): the console may ask again at once. */
  held: boolean;
}

/**
 * A page of the change log after a cursor. `next` is the cursor to ask after next time
 * (the page's last, or `after` itself when there is nothing new); `more` says to ask again now.
 * With `wait` seconds and nothing new, the answer waits until something is (a long-poll), so a
 * grant on one console reaches the others in well under a polling round. What the console may
 * not read (a kiosk: other consoles' codes) is left out of each change (scope-changes.ts).
 */
export async function pullChanges(
  store: CloudStore,
  query: z.output<typeof PullQuery>,
  feed: ChangeFeed,
  gone: AbortSignal,
  console: ConsoleRecord,
): Promise<ChangePage> {
  const until = Date.now() + query.wait * 1_000;
  // The console's own community's log: another community's changes are never read.
  const community = store.forCommunity(console.communityId);
  for (;;) {
    const { changes, more } = await community.changesAfter(query.after, query.limit);
    const left = until - Date.now();
    if (changes.length > 0 || left <= 0 || gone.aborted)
      return { changes: await scopeChanges(community, console, changes), next: changes.at(-1)?.cursor ?? query.after, more, held: query.wait > 0 };
    // A waiting pull looks at the log at least this often, whatever the feed says.
    await feed.next(Math.min(left, feed.recheckMs), gone);
  }
}
