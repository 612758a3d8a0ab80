import { maxPullLimit } from '../../shared/sync';
import { readCursor, writeCursor } from '../store/sync-state-repo';
import { withUnitSearchDeferred } from '../store/unit-search-upkeep';
import type { ChangePage, CloudClient } from './cloud-client';
import { applyBatch, type ApplyContext } from './apply/apply-change';

/** The most the cloud answers at once: fewer round trips. */
const pageSize = maxPullLimit;
/**
 * Pages are applied together, in one transaction, once they hold this many changes (or the log
 * is read to its end): each commit and each rewrite of the units' search rows is paid once per
 * few thousand changes, while the console still answers staff between two batches.
 */
const batchChanges = 4 * pageSize;

/** Waiting for news: the cloud holds the first request up to `seconds`; `stop` ends the wait early. */
export interface PullWait {
  seconds: number;
  stop: AbortSignal;
}

/**
 * Pulls the cloud's changes after this console's cursor, a page at a time, and applies them a
 * batch of pages at a time. Each batch is applied in one transaction that also advances the
 * cursor past its last page, so a console killed mid-pull either has a batch and its cursor or
 * neither: nothing is lost and nothing applied twice. A page that cannot be fetched ends the
 * pull (its error is the round's) once the pages fetched before it are applied.
 * `held` says the cloud held the first request (it long-polls), so the next may follow at once.
 */
export async function pullChanges(ctx: ApplyContext, client: CloudClient, wait?: PullWait): Promise<{ applied: number; skipped: number; held: boolean }> {
  let applied = 0;
  let skipped = 0;
  let held = false;
  let cursor = readCursor(ctx.db);
  const apply = (pages: ChangePage[]): void =>
    // The units' search rows are rewritten once per batch, for the units it touched.
    withUnitSearchDeferred(ctx.db, () => {
      const outcome = applyBatch(ctx, pages.flatMap((page) => page.changes));
      applied += outcome.applied;
      skipped += outcome.skipped;
      writeCursor(ctx.db, pages.at(-1)!.next);
    });
  for (let first = true; ; first = false) {
    const pages: ChangePage[] = [];
    let count = 0;
    let last: ChangePage;
    do {
      try {
        last = first && pages.length === 0 && wait ? await client.pull(cursor, pageSize, wait.stop, wait.seconds) : await client.pull(cursor, pageSize);
      } catch (error) {
        // Stopped waiting (a local change to send, Sync now): no news is not a failure.
        if (first && pages.length === 0 && wait?.stop.aborted) return { applied, skipped, held: false };
        if (pages.length > 0) apply(pages);
        throw error;
      }
      if (first && pages.length === 0) held = last.held === true;
      pages.push(last);
      count += last.changes.length;
      cursor = last.next;
    } while (last.more && last.changes.length > 0 && count < batchChanges);
    apply(pages);
    if (!last.more || last.changes.length === 0) return { applied, skipped, held };
  }
}
