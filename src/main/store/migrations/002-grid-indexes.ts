/**
 * The units grid at portfolio scale (10,000 units, `npm run bench`). A grid page first picks
 * its 100 unit ids through indexes alone (skipping the offset's rows without reading any
 * table), then reads those 100 rows; the search box finds units through one trigram index
 * over who holds each unit, not guest by guest.
 */
export const gridIndexes = `
-- A unit's own door, read by every grid page and its count: the columns of its door status,
-- so the join never reads a doors row.
CREATE INDEX doors_unit_door ON doors(unit_id, lock_model_id, reported_version, desired_version, desired_changed_at)
  WHERE kind = 'unit';

-- The grid orders, now also holding the unit's id (the join key) and number (the search
-- box), so a page far down walks only the index.
DROP INDEX units_by_key;
CREATE INDEX units_by_key ON units(unit_key, building_id, id, number);
DROP INDEX units_by_building;
CREATE INDEX units_by_building ON units(building_id, unit_key, id, number);
DROP INDEX units_by_floor;
CREATE INDEX units_by_floor ON units(floor_level, building_id, unit_key, id, number);
DROP INDEX units_by_live;
CREATE INDEX units_by_live ON units(live_credentials, building_id, unit_key, id, number);

-- A unit's live credentials with what the chips and the type and timing filters read, and
-- credentials ending soon (the sweep, "expiring today") with the unit and type. ended_at is
-- always NULL in both, but SQLite reads only an index that holds every column a query names.
DROP INDEX credentials_unit_live;
CREATE INDEX credentials_unit_live ON credentials(unit_id, access_type, kind, starts_at, ends_at, ended_at)
  WHERE ended_at IS NULL;
DROP INDEX credentials_ending;
CREATE INDEX credentials_ending ON credentials(ends_at, unit_id, access_type, ended_at)
  WHERE ended_at IS NULL AND ends_at IS NOT NULL;

-- Who holds a live credential on each unit, for the search boxes: the names, companies and
-- phones of those guests, each list joined by U+001F (which no one types, so a match never
-- spans two guests). Kept by the triggers below; a unit with no live credential has no row.
CREATE TABLE unit_guests (
  id INTEGER PRIMARY KEY,
  unit_id TEXT NOT NULL UNIQUE REFERENCES units(id),
  names TEXT NOT NULL,
  companies TEXT NOT NULL,
  phones TEXT NOT NULL
) STRICT;
-- The same trigram matching as guest_search, over units: "chen" or "5550142" names units.
CREATE VIRTUAL TABLE unit_guest_search USING fts5(names, companies, phones,
  content='unit_guests', content_rowid='id', tokenize='trigram');
CREATE TRIGGER unit_guests_insert AFTER INSERT ON unit_guests BEGIN
  INSERT INTO unit_guest_search (rowid, names, companies, phones) VALUES (new.id, new.names, new.companies, new.phones);
END;
CREATE TRIGGER unit_guests_delete AFTER DELETE ON unit_guests BEGIN
  INSERT INTO unit_guest_search (unit_guest_search, rowid, names, companies, phones)
    VALUES ('delete', old.id, old.names, old.companies, old.phones);
END;

-- Each change to who holds a unit rewrites that unit's row.
${refresh('credentials_unit_guests_insert', 'AFTER INSERT ON credentials WHEN new.ended_at IS NULL', 'new.unit_id')}
${refresh('credentials_unit_guests_update', 'AFTER UPDATE OF ended_at, unit_id, guest_id ON credentials', 'old.unit_id, new.unit_id')}
${refresh('credentials_unit_guests_delete', 'AFTER DELETE ON credentials WHEN old.ended_at IS NULL', 'old.unit_id')}
${refresh(
  'guests_unit_guests_update',
  'AFTER UPDATE OF name, company, phone_e164 ON guests',
  'SELECT unit_id FROM credentials WHERE guest_id = new.id AND ended_at IS NULL',
)}

${unitGuestsOf('SELECT id FROM units')}
`;

/** INSERT of the unit_guests rows of `units` (an IN list), from their live credentials. */
function unitGuestsOf(units: string): string {
  // The IN list stays on credentials.unit_id (not on an aggregate view), so it reads the
  // credentials of those units through an index rather than every live credential.
  return `INSERT INTO unit_guests (unit_id, names, companies, phones)
    SELECT c.unit_id, group_concat(g.name, char(31)), group_concat(coalesce(g.company, ''), char(31)),
      group_concat(g.phone_e164, char(31))
    FROM credentials c JOIN guests g ON g.id = c.guest_id
    WHERE c.ended_at IS NULL AND c.unit_id IN (${units})
    GROUP BY c.unit_id;`;
}

/** A trigger that rewrites the unit_guests rows of the units `units` (an IN list) names. */
function refresh(name: string, when: string, units: string): string {
  return `CREATE TRIGGER ${name} ${when} BEGIN
  DELETE FROM unit_guests WHERE unit_id IN (${units});
  ${unitGuestsOf(units)}
END;`;
}
