import type { Db } from './database';
import { unitGuestsOf } from './migrations/024-deferred-unit-search';
import { recountUnits } from './migrations/026-deferred-unit-counts';
import { indexStaleGuests } from './migrations/027-deferred-guest-search';
import { statement } from './statement';

/*
 * The units' search rows (unit_guests), their live counts and the guests' search index kept
 * once per batch (migrations 024, 026 and 027): a pull page grants and revokes the same units
 * many times and adds a guest at nearly every grant, and each write used to rewrite its
 * unit's row or add a segment to the guests' index.
 */

const startDeferring = statement('INSERT INTO search_upkeep_deferred (only) VALUES (1)');
const deferring = statement<[], 1>('SELECT 1 FROM search_upkeep_deferred', { pluck: true });

/** The stale units' rows rewritten (the same rows migration 024's triggers write) and recounted, the stale guests indexed, then the tables emptied. */
const flush = [
  ...indexStaleGuests,
  'DELETE FROM unit_guests WHERE unit_id IN (SELECT unit_id FROM unit_search_stale)',
  unitGuestsOf('SELECT unit_id FROM unit_search_stale'),
  recountUnits('SELECT unit_id FROM unit_search_stale'),
  'DELETE FROM unit_search_stale',
  'DELETE FROM search_upkeep_deferred',
].map((sql) => statement(sql));

/**
 * Runs `body` in one transaction (a savepoint inside another) with the units' search rows
 * rewritten and their live credentials counted once at its end, for every unit it touched,
 * and the guests it added or changed indexed for search, rather than at each write. Inside
 * `body` a unit's counts and the guests' search are not yet current.
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
