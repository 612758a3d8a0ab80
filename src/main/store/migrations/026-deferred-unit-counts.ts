/**
 * The units' live counts (live_credentials, live_pin, live_ble: the grid's counts and its sort
 * by them) kept once per batch too, as migration 024 keeps their search rows. Each credential
 * a pull page grants or ends used to update its unit's row and that row's entry in the
 * units_by_live index: a third of a received grant's insert.
 *
 * Inside a batch (search_upkeep_deferred holds its row) the counting triggers stand aside;
 * 024's triggers already name every unit a credential was written for in unit_search_stale,
 * and the batch recounts those units from their live credentials before it commits
 * (src/main/store/unit-search-upkeep.ts). Outside a batch they count at once, as before.
 */

/** The live counts of the units `units` (an IN list) recounted from their credentials. */
export function recountUnits(units: string): string {
  return `UPDATE units SET (live_credentials, live_pin, live_ble) = (
      SELECT count(*), coalesce(sum(c.kind = 'pin'), 0), coalesce(sum(c.kind = 'ble'), 0)
      FROM credentials c INDEXED BY credentials_unit_live WHERE c.unit_id = units.id AND c.ended_at IS NULL)
    WHERE id IN (${units})`;
}

const outsideBatch = 'NOT EXISTS (SELECT 1 FROM search_upkeep_deferred)';

export const deferredUnitCounts = `
DROP TRIGGER credentials_count_live;
CREATE TRIGGER credentials_count_live AFTER INSERT ON credentials WHEN new.ended_at IS NULL AND ${outsideBatch} BEGIN
  UPDATE units SET live_credentials = live_credentials + 1, live_pin = live_pin + (new.kind = 'pin'),
    live_ble = live_ble + (new.kind = 'ble') WHERE id = new.unit_id;
END;
DROP TRIGGER credentials_count_ended;
CREATE TRIGGER credentials_count_ended AFTER UPDATE OF ended_at ON credentials
  WHEN old.ended_at IS NULL AND new.ended_at IS NOT NULL AND ${outsideBatch} BEGIN
  UPDATE units SET live_credentials = live_credentials - 1, live_pin = live_pin - (old.kind = 'pin'),
    live_ble = live_ble - (old.kind = 'ble') WHERE id = old.unit_id;
END;
`;
