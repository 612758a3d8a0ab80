import type { Db } from './database';
import { unitGuestsOf } from './migrations/024-deferred-unit-search';
import { recountUnits } from './migrations/025-deferred-unit-counts';
import { statement } from './statement';

/*
 * The units' search rows (unit_guests) and live counts kept once per batch (migrations 024 and
 * 025): a pull page grants and revokes the same units many times, and each write used to
 * rewrite its unit's row.
 */

const startDeferring = statement('INSERT INTO search_upkeep_deferred (only) VALUES (1)');
const deferring = statement<[], 1>('SELECT 1 FROM search_upkeep_deferred', { pluck: true });

/** The stale units' rows rewritten (the same rows migration 024's triggers write) and recounted, then both tables emptied. */
const flush = [
  'DELETE FROM unit_guests WHERE unit_id IN (SELECT unit_id FROM unit_search_stale)',
  unitGuestsOf('SELECT unit_id FROM unit_search_stale'),
  recountUnits('SELECT unit_id FROM unit_search_stale'),
  'DELETE FROM unit_search_stale',
  'DELETE FROM search_upkeep_deferred',
].map((sql) => statement(sql));

/**
 * Runs `body` in one transaction (a savepoint inside another) with the units' search rows
 * rewritten and their live credentials counted once at its end, for every unit it touched,
 * rather than at each credential written. Inside `body` a unit's counts are not yet current.
 * Before it returns, and so before the transaction commits, search finds what `body` wrote;
 * if it throws, nothing of it stays, the deferral included.
 */
export function withUnitSearchDeferred<T>(db: Db, body: () => T): T {
  return db.transaction(() => {
    // Already deferred by an enclosing batch: that batch rewrites the rows.
    if (deferring(db).get() !== undefined) return body();
    startDeferring(db).run();
    const result = body();
    for (const s of flush) s(db).run();
    return result;
  })();
}
