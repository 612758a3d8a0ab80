import type { CredentialChip } from '../../shared/domain';
import type { Db } from './database';
import type { Today } from './unit-filter';

/**
 * The grid's chips for a page of units: live credentials grouped by type, kind and timing
 * (expiring today before scheduled before active), computed for the rows on screen only.
 * Exported so tests can check its plan: it reads credentials_unit_live alone.
 */
export const chipsSql = `SELECT c.unit_id, c.access_type AS type, c.kind,
    CASE WHEN c.ends_at > @now AND c.ends_at <= @todayEnd THEN 'expiring_today'
         WHEN c.starts_at > @now THEN 'scheduled'
         ELSE 'active' END AS timing,
    count(*) AS count
  FROM credentials c
  WHERE c.unit_id IN (SELECT value FROM json_each(@ids)) AND c.ended_at IS NULL
    AND (c.ends_at IS NULL OR c.ends_at > @now)
  GROUP BY c.unit_id, type, c.kind, timing
  ORDER BY count DESC, type, c.kind`;

export function chipsFor(db: Db, unitIds: string[], today: Today): Map<string, CredentialChip[]> {
  const rows = db.prepare(chipsSql).all({ ...today, ids: JSON.stringify(unitIds) }) as (CredentialChip & { unit_id: string })[];
  const chips = new Map<string, CredentialChip[]>();
  for (const { unit_id, ...chip } of rows) (chips.get(unit_id) ?? chips.set(unit_id, []).get(unit_id)!).push(chip);
  return chips;
}
