/**
 * The unit search rows (unit_guests and its trigram index, migrations 002 and 023) rewritten
 * once per unit per batch rather than once per credential. Applying a page of the cloud's
 * changes (src/main/sync/pull-changes.ts) grants and revokes the same few units again and
 * again; each write rewrote its unit's row and index entries, most of a first pull's time.
 *
 * While search_upkeep_deferred holds its row, which a batch inserts and deletes inside one
 * transaction (src/main/store/unit-search-upkeep.ts), the triggers only name the unit in
 * unit_search_stale; the batch rewrites those units' rows before it commits. Outside a batch
 * both tables are empty and the triggers rewrite the row at once, as before.
 */

/**
 * The rows of unit_guests of the units `units` (an IN list), from their live credentials, as 023
 * writes them; the batch's rewrite (unit-search-upkeep.ts) writes them with this same statement.
 */
export function unitGuestsOf(units: string): string {
  return `INSERT INTO unit_guests (unit_id, names, companies, phones)
    SELECT c.unit_id, group_concat(g.name, char(31)), group_concat(coalesce(g.company, ''), char(31)),
      group_concat(g.phone_e164, char(31))
    FROM credentials c INDEXED BY credentials_unit_live JOIN guests g ON g.id = c.guest_id
    WHERE c.ended_at IS NULL AND c.unit_id IN (${units})
    GROUP BY c.unit_id;`;
}

const deferring = 'EXISTS (SELECT 1 FROM search_upkeep_deferred)';

/** The trigger `name` again, rewriting at once outside a batch, and its twin naming the units stale inside one. */
function refresh(name: string, on: string, when: string | null, units: string): string {
  const both = (extra: string) => (when ? `${when} AND ${extra}` : extra);
  return `DROP TRIGGER ${name};
CREATE TRIGGER ${name} ${on} WHEN ${both(`NOT ${deferring}`)} BEGIN
  DELETE FROM unit_guests WHERE unit_id IN (${units});
  ${unitGuestsOf(units)}
END;
CREATE TRIGGER ${name}_deferred ${on} WHEN ${both(deferring)} BEGIN
  INSERT OR IGNORE INTO unit_search_stale (unit_id) SELECT id FROM units WHERE id IN (${units});
END;`;
}

export const deferredUnitSearch = `
-- One row, present only inside a batch's transaction.
CREATE TABLE search_upkeep_deferred (only INTEGER PRIMARY KEY CHECK (only = 1)) STRICT;
-- The units whose unit_guests row the batch will rewrite; empty outside a batch.
CREATE TABLE unit_search_stale (unit_id TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;

${refresh('credentials_unit_guests_insert', 'AFTER INSERT ON credentials', 'new.ended_at IS NULL', 'new.unit_id')}
${refresh('credentials_unit_guests_update', 'AFTER UPDATE OF ended_at, unit_id, guest_id ON credentials', null, 'old.unit_id, new.unit_id')}
${refresh('credentials_unit_guests_delete', 'AFTER DELETE ON credentials', 'old.ended_at IS NULL', 'old.unit_id')}
${refresh('guests_unit_guests_update', 'AFTER UPDATE OF name, company, phone_e164 ON guests', null, 'SELECT unit_id FROM credentials WHERE guest_id = new.id AND ended_at IS NULL')}
`;
