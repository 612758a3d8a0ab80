import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkpointInBackground } from '../../../src/main/store/checkpoint';
import { databaseFileName, openDatabase } from '../../../src/main/store/database';
import { tempDir } from '../../helpers/test-console';

const dirs: string[] = [];
afterEach(() => {
  vi.useRealTimers();
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

describe('checkpoints in the background', () => {
  it('keep the WAL from growing while writes go on, and empty it at close', () => {
    vi.useFakeTimers();
    const dir = tempDir();
    dirs.push(dir);
    const db = openDatabase({ dataDir: dir });
    const stop = checkpointInBackground(db, 20);
    const wal = path.join(dir, `${databaseFileName}-wal`);
    const insert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    for (let i = 0; i < 2_000; i++) insert.run(`k${i}`, 'x'.repeat(2_000));
    const grown = fs.statSync(wal).size;
    // A passive checkpoint copies the WAL back; the next writes then reuse it from the start.
    vi.advanceTimersByTime(20);
    for (let i = 2_000; i < 4_000; i++) insert.run(`k${i}`, 'x'.repeat(2_000));
    expect(fs.statSync(wal).size).toBeLessThanOrEqual(grown * 1.1);
    stop();
    expect(fs.statSync(wal).size).toBe(0);
    expect(db.prepare("SELECT count(*) FROM settings WHERE key LIKE 'k%'").pluck().get()).toBe(4_000);
    db.close();
  });
});
