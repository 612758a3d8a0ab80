import type { Db } from './database';

/** Demo locks were commissioned long ago: each door's lock has a serial, so a simulated one is recognised. */
export function assignDemoSerials(db: Db): void {
  db.prepare("UPDATE doors SET serial = 'SN-' || printf('%06d', rowid) WHERE serial IS NULL").run();
}
