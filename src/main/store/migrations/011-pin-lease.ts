import type { Db } from '../database';

/**
 * Code leases (docs/ARCHITECTURE.md, "Code leases"). pin_lease holds the codes the cloud set
 * aside for this console: a grant draws one (drawn_at), online or offline, and the next top-up
 * forgets those the cloud has taken or taken back. The lease's sizes and dates are settings.
 * ble_pass: a Bluetooth credential's pass, 16 random bytes (base64url), a secret like a PIN
 * code; credentials made before it have none and their doors hold the pass derived from the id.
 */
export const pinLease = `
ALTER TABLE credentials ADD COLUMN ble_pass TEXT;

CREATE TABLE pin_lease (
  code TEXT PRIMARY KEY,
  length INTEGER NOT NULL,
  expires_at TEXT NOT NULL,
  drawn_at TEXT
) STRICT;
CREATE INDEX pin_lease_free ON pin_lease(length, expires_at) WHERE drawn_at IS NULL;
`;

const pinCheck = "CHECK ((kind = 'pin') = (pin_code IS NOT NULL))";
const withheldCheck = "CHECK (kind = 'pin' OR pin_code IS NULL) CHECK (kind = 'ble' OR ble_pass IS NULL)";

/**
 * A kiosk console is not sent the codes of other consoles' grants, so it keeps a PIN
 * credential without its code (and a Bluetooth credential without its pass). SQLite cannot change a CHECK in place, and foreign keys cannot
 * be turned off inside the migration's transaction: the rows are set aside, the table is
 * dropped and made again from its own stored definition (so columns later migrations added
 * stay) with the looser check, and the rows, indexes and triggers are put back. Foreign keys
 * naming "credentials" are checked at commit, when every row is back.
 */
export function allowWithheldPins(db: Db): void {
  const table = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'credentials'").pluck().get() as string;
  if (!table.includes(pinCheck)) throw new Error('The credentials table does not hold the expected PIN check; this store is not one Porter made.');
  const dependents = db.prepare("SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'credentials' AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY rowid").all() as { type: string; name: string; sql: string }[];
  db.pragma('defer_foreign_keys = ON');
  // The triggers go first, so taking the rows out and putting them back fires none of them.
  for (const t of dependents.filter((d) => d.type === 'trigger')) db.exec(`DROP TRIGGER "${t.name}"`);
  db.exec('CREATE TEMP TABLE credentials_set_aside AS SELECT * FROM credentials');
  db.exec('DROP TABLE credentials');
  db.exec(table.replace(pinCheck, withheldCheck));
  db.exec('INSERT INTO credentials SELECT * FROM credentials_set_aside');
  db.exec('DROP TABLE temp.credentials_set_aside');
  for (const d of dependents) db.exec(d.sql);
}
