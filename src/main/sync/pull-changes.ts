import { maxPullLimit } from '../../shared/sync';
import { readCursor, writeCursor } from '../store/sync-state-repo';
import { withUnitSearchDeferred } from '../store/unit-search-upkeep';
import type { CloudClient } from './cloud-client';
import { applyChange, type ApplyContext } from './apply/apply-change';

/** The most the cloud answers at once: fewer round trips, each page one transaction. */
const pageSize = maxPullLimit;

/** Waiting for news: the cloud holds the first request up to `seconds`; `stop` ends the wait early. */
export interface PullWait {
  seconds: number;
  stop: AbortSignal;
}

/**
 * Pulls the cloud's changes after this console's cursor, a page at a time. Each page is
 * applied in one transaction that also advances the cursor, so a console killed mid-pull
 * either has a page and its cursor or neither: nothing is lost and nothing applied twice.
 * `held` says the cloud held the first request (it long-polls), so the next may follow at once.
 */
export async function pullChanges(ctx: ApplyContext, client: CloudClient, wait?: PullWait): Promise<{ applied: number; skipped: number; held: boolean }> {
  let applied = 0;
  let skipped = 0;
  let held = false;
  for (let first = true; ; first = false) {
    let page;
    try {
      page = first && wait ? await client.pull(readCursor(ctx.db), pageSize, wait.stop, wait.seconds) : await client.pull(readCursor(ctx.db), pageSize);
    } catch (error) {
      // Stopped waiting (a local change to send, Sync now): no news is not a failure.
      if (first && wait?.stop.aborted) return { applied, skipped, held: false };
      throw error;
    }
    if (first) held = page.held === true;
    // The units' search rows are rewritten once per page, for the units it touched.
    withUnitSearchDeferred(ctx.db, () => {
      for (const change of page.changes) {
        const outcome = applyChange(ctx, change);
        if (outcome === 'applied') applied++;
        if (outcome === 'skipped') skipped++;
      }
      writeCursor(ctx.db, page.next);
    });
    if (!page.more || page.changes.length === 0) return { applied, skipped, held };
  }
}
