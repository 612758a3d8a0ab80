import { maxPullLimit } from '../../shared/sync';
import { readCursor, writeCursor } from '../store/sync-state-repo';
import { withDoorMarksDeferred } from '../store/door-credentials-repo';
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

/** One turn of the event loop: a request just made is written to its socket before a long synchronous apply holds the thread. */
const requestLeaves = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Pulls the cloud's changes after this console's cursor, a page at a time, and applies them a
 * batch of pages at a time. Each batch is applied in one transaction that also advances the
 * cursor past its last page, so a console killed mid-pull either has a batch and its cursor or
 * neither: nothing is lost and nothing applied twice. The next page is asked for before a batch
 * is applied, so the cloud prepares it and the network carries it while this console writes.
 * A page that cannot be fetched ends the pull (its error is the round's) once the pages
 * fetched before it are applied.
 * `held` says the cloud held the first request (it long-polls), so the next may follow at once.
 */
export async function pullChanges(ctx: ApplyContext, client: CloudClient, wait?: PullWait): Promise<{ applied: number; skipped: number; held: boolean }> {
  let applied = 0;
  let skipped = 0;
  let held = false;
  const apply = (pages: ChangePage[]): void =>
    // The units' search rows are rewritten, and the doors marked changed, once per batch.
    withUnitSearchDeferred(ctx.db, () =>
      withDoorMarksDeferred(ctx.db, () => {
        const outcome = applyBatch(ctx, pages.flatMap((page) => page.changes));
        applied += outcome.applied;
        skipped += outcome.skipped;
        writeCursor(ctx.db, pages.at(-1)!.next);
      }),
    );
  const cursor = readCursor(ctx.db);
  let next = wait ? client.pull(cursor, pageSize, wait.stop, wait.seconds) : client.pull(cursor, pageSize);
  let pages: ChangePage[] = [];
  let count = 0;
  for (let first = true; ; first = false) {
    let page: ChangePage;
    try {
      page = await next;
    } catch (error) {
      // Stopped waiting (a local change to send, Sync now): no news is not a failure.
      if (first && wait?.stop.aborted) return { applied, skipped, held: false };
      if (pages.length > 0) apply(pages);
      throw error;
    }
    if (first) held = page.held === true;
    pages.push(page);
    count += page.changes.length;
    const more = page.more && page.changes.length > 0;
    if (more) {
      next = client.pull(page.next, pageSize);
      // Its failure is read when it is awaited; one left behind by a failed apply is no crash.
      next.catch(() => undefined);
    }
    if (more && count < batchChanges) continue;
    if (more) await requestLeaves();
    apply(pages);
    if (!more) return { applied, skipped, held };
    pages = [];
    count = 0;
  }
}
