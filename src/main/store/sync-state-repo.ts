import type { Db } from './database';
import { scalar, statement } from './statement';

/** Where this console stands with the cloud, kept in the settings table (the token is not: it lives in the keychain). */
export interface SyncSetup {
  url: string;
  consoleId: string;
  consoleName: string;
  /** Paired as a kiosk, as the cloud recorded it (its token is its proof); null until known (paired before this was kept). */
  kiosk: boolean | null;
}

// Read at every grant (whether the console has paired): prepared once per database.
const setting = scalar<[key: string], string>('SELECT value FROM settings WHERE key = ?');
const get = (db: Db, key: string): string | null => setting(db).get(key) ?? null;
// Written with every pulled page (the cursor): prepared once too.
const saveSetting = statement<[key: string, value: string]>('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
const set = (db: Db, key: string, value: string): void => {
  saveSetting(db).run(key, value);
};

export function readSyncSetup(db: Db): SyncSetup | null {
  const url = get(db, 'sync.url');
  const consoleId = get(db, 'sync.console_id');
  const consoleName = get(db, 'sync.console_name');
  const kiosk = get(db, 'sync.kiosk');
  return url && consoleId && consoleName ? { url, consoleId, consoleName, kiosk: kiosk === null ? null : kiosk === '1' } : null;
}

/** What the cloud says this console was paired as (GET /v1/consoles/me), for a console paired before it was kept. */
export function saveSyncKiosk(db: Db, kiosk: boolean): void {
  set(db, 'sync.kiosk', kiosk ? '1' : '0');
}

/**
 * Pairs the store with a cloud. Changes made before (the demo's month of history, a console
 * used on its own) stay on this console: only what is done from now on goes to the cloud.
 */
export function saveSyncSetup(db: Db, setup: Omit<SyncSetup, 'kiosk'> & { kiosk?: boolean | null }): void {
  db.transaction(() => {
    if (get(db, 'sync.from_seq') === null)
      set(db, 'sync.from_seq', String(db.prepare<[], number>('SELECT coalesce(max(seq), 0) FROM outbox').pluck().get() ?? 0));
    set(db, 'sync.url', setup.url);
    set(db, 'sync.console_id', setup.consoleId);
    set(db, 'sync.console_name', setup.consoleName);
    if (setup.kiosk === undefined || setup.kiosk === null) db.prepare("DELETE FROM settings WHERE key = 'sync.kiosk'").run();
    else saveSyncKiosk(db, setup.kiosk);
  })();
}

/** The cursor of the last change applied; written in the same transaction as the changes. */
export function readCursor(db: Db): number {
  return Number(get(db, 'sync.cursor') ?? 0);
}

export function writeCursor(db: Db, cursor: number): void {
  set(db, 'sync.cursor', String(cursor));
}

/** The last outbox seq made before this console was paired; later ones go to the cloud. */
export function syncFromSeq(db: Db): number {
  return Number(get(db, 'sync.from_seq') ?? Number.MAX_SAFE_INTEGER);
}

/** Whether this console was ever paired with a cloud: until then nothing it queues is ever sent. */
export function hasPaired(db: Db): boolean {
  return get(db, 'sync.from_seq') !== null;
}
