/**
 * The guests' search index (guest_search, full-text) written once per batch too, as migration
 * 024 writes the units' search rows. A full-text table written inside a transaction flushes
 * what it holds to a new segment of its index at every later statement's savepoint (each
 * statement firing a trigger takes one): applying a pull page, which adds a guest at nearly
 * every grant, wrote a segment per grant and merged them over and over, a quarter of the page.
 *
 * Inside a batch (search_upkeep_deferred holds its row) a guest added or changed is named in
 * guest_search_stale, with whether the index held it before; the batch indexes those guests
 * before it commits (src/main/store/unit-search-upkeep.ts). Outside a batch the triggers index
 * at once, as before.
 */

const deferring = 'EXISTS (SELECT 1 FROM search_upkeep_deferred)';

export const deferredGuestSearch = `
-- The guests the batch will index: \`indexed\` when the index held them before it (to take out first).
CREATE TABLE guest_search_stale (guest_rowid INTEGER PRIMARY KEY, indexed INTEGER NOT NULL) STRICT;

DROP TRIGGER guests_search_insert;
CREATE TRIGGER guests_search_insert AFTER INSERT ON guests WHEN NOT ${deferring} BEGIN
  INSERT INTO guest_search (rowid, name, company, phone) VALUES (new.rowid, new.name, coalesce(new.company, ''), new.phone_e164);
END;
CREATE TRIGGER guests_search_insert_deferred AFTER INSERT ON guests WHEN ${deferring} BEGIN
  INSERT OR IGNORE INTO guest_search_stale (guest_rowid, indexed) VALUES (new.rowid, 0);
END;

DROP TRIGGER guests_search_update;
CREATE TRIGGER guests_search_update AFTER UPDATE ON guests WHEN NOT ${deferring} BEGIN
  DELETE FROM guest_search WHERE rowid = old.rowid;
  INSERT INTO guest_search (rowid, name, company, phone) VALUES (new.rowid, new.name, coalesce(new.company, ''), new.phone_e164);
END;
CREATE TRIGGER guests_search_update_deferred AFTER UPDATE ON guests WHEN ${deferring} BEGIN
  INSERT OR IGNORE INTO guest_search_stale (guest_rowid, indexed) VALUES (old.rowid, 1);
END;
`;

/** The batch's end: the stale guests taken out of the index where it held them, and indexed as they are now. */
export const indexStaleGuests = [
  'DELETE FROM guest_search WHERE rowid IN (SELECT guest_rowid FROM guest_search_stale WHERE indexed = 1)',
  `INSERT INTO guest_search (rowid, name, company, phone)
     SELECT g.rowid, g.name, coalesce(g.company, ''), g.phone_e164 FROM guests g WHERE g.rowid IN (SELECT guest_rowid FROM guest_search_stale)`,
  'DELETE FROM guest_search_stale',
];
