import type { AccessType, CredentialChip, CredentialKind, CredentialTiming } from '../../shared/domain';
import type { Db } from './database';
import type { Today } from './unit-filter';

/**
 * A page's live credentials with their timing (expiring today before scheduled before
 * active), read from credentials_unit_live alone; exported so tests can check its plan.
 */
export const chipsSql = `SELECT c.unit_id, c.access_type AS type, c.kind,
    CASE WHEN c.ends_at > @now AND c.ends_at <= @todayEnd THEN 'expiring_today'
         WHEN c.starts_at > @now THEN 'scheduled'
         ELSE 'active' END AS timing
  FROM credentials c
  WHERE c.unit_id IN (SELECT value FROM json_each(@ids)) AND c.ended_at IS NULL
    AND (c.ends_at IS NULL OR c.ends_at > @now)`;

interface Live {
  unit_id: string;
  type: AccessType;
  kind: CredentialKind;
  timing: CredentialTiming;
}

/**
 * The grid's chips for a page of units: live credentials grouped by type, kind and timing,
 * most numerous first, computed for the rows on screen only. Grouped here rather than in
 * SQL: a few hundred rows, and SQLite would sort them twice in temporary b-trees.
 */
export function chipsFor(db: Db, unitIds: string[], today: Today): Map<string, CredentialChip[]> {
  const rows = db.prepare<Today & { ids: string }, Live>(chipsSql).all({ ...today, ids: JSON.stringify(unitIds) });
  const byUnit = new Map<string, Map<string, CredentialChip>>();
  for (const { unit_id, type, kind, timing } of rows) {
    const chips = byUnit.get(unit_id) ?? byUnit.set(unit_id, new Map()).get(unit_id)!;
    const key = `${type} ${kind} ${timing}`;
    const chip = chips.get(key);
    if (chip) chip.count++;
    else chips.set(key, { type, kind, timing, count: 1 });
  }
  const order = (a: CredentialChip, b: CredentialChip) =>
    b.count - a.count || compare(a.type, b.type) || compare(a.kind, b.kind) || compare(a.timing, b.timing);
  return new Map([...byUnit].map(([unitId, chips]) => [unitId, [...chips.values()].sort(order)]));
}

/** SQLite's default (binary) text order. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
