import type { Db } from './database';

/** The key a commissioned Bluetooth lock opens sessions with, or null (never commissioned here). */
export function lockKeyFor(db: Db, serial: string): Uint8Array | null {
  const key = db.prepare<[serial: string], Buffer>('SELECT lock_key FROM lock_keys WHERE serial = ?').pluck().get(serial);
  return key ? new Uint8Array(key) : null;
}

/** Kept before the key is sent to the lock: a lost answer is settled by opening a session with it. */
export function saveLockKey(db: Db, serial: string, key: Uint8Array, at: string, by: string): void {
  db.prepare(
    `INSERT INTO lock_keys (serial, lock_key, commissioned_at, commissioned_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (serial) DO UPDATE SET lock_key = excluded.lock_key, commissioned_at = excluded.commissioned_at, commissioned_by = excluded.commissioned_by`,
  ).run(serial, Buffer.from(key), at, by);
}

/** Doors with a lock serial, for matching what Bluetooth locks advertise (a hash of the serial). */
export function doorSerials(db: Db): { doorId: string; serial: string }[] {
  return db.prepare<[], { doorId: string; serial: string }>('SELECT id AS doorId, serial FROM doors WHERE serial IS NOT NULL').all();
}

/** Whether the door's lock was commissioned for Bluetooth here (its serial has a key), so the Bluetooth round reaches it. */
export function isBluetoothDoor(db: Db, doorId: string): boolean {
  return (
    db
      .prepare<[doorId: string], number>('SELECT 1 FROM doors d JOIN lock_keys k ON k.serial = d.serial WHERE d.id = ?')
      .pluck()
      .get(doorId) === 1
  );
}
