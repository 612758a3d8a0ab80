import type { Db } from './database';

/**
 * A training store is marked so in its settings when a training core first opens it: its
 * doors were "programmed" by simulators, so no product console may take it for a real one.
 */
export function isTrainingStore(db: Db): boolean {
  return db.prepare("SELECT 1 FROM settings WHERE key = 'store.training'").get() !== undefined;
}

export function markTrainingStore(db: Db): void {
  db.prepare("INSERT INTO settings (key, value) VALUES ('store.training', '1') ON CONFLICT (key) DO NOTHING").run();
}
