import { readCursor, writeCursor } from '../store/sync-state-repo';
import type { CloudClient } from './cloud-client';
import { applyChange, type ApplyContext } from './apply/apply-change';

const pageSize = 500;

/**
 * Pulls the cloud's changes after this console's cursor, a page at a time. Each page is
 * applied in one transaction that also advances the cursor, so a console killed mid-pull
 * either has a page and its cursor or neither: nothing is lost and nothing applied twice.
 */
export async function pullChanges(ctx: ApplyContext, client: CloudClient, signal?: AbortSignal): Promise<{ applied: number; skipped: number }> {
  let applied = 0;
  let skipped = 0;
  for (;;) {
    const page = await client.pull(readCursor(ctx.db), pageSize, signal);
    ctx.db.transaction(() => {
      for (const change of page.changes) {
        const outcome = applyChange(ctx, change);
        if (outcome === 'applied') applied++;
        if (outcome === 'skipped') skipped++;
      }
      writeCursor(ctx.db, page.next);
    })();
    if (!page.more || page.changes.length === 0) return { applied, skipped };
  }
}
