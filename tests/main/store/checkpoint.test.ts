import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkpointInBackground } from '../../../src/main/store/checkpoint';
import { databaseFileName, openDatabase, type Db } from '../../../src/main/store/database';
import { tempDir } from '../../helpers/test-console';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function store(): { db: Db; file: string; wal: string } {
  const dir = tempDir();
  dirs.push(dir);
  const file = path.join(dir, databaseFileName);
  return { db: openDatabase({ dataDir: dir }), file, wal: `${file}-wal` };
}

/** Writes rows of 2 kB, the WAL growing by about as much. */
function write(db: Db, from: number, count: number): void {
  const insert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
  for (let i = from; i < from + count; i++) insert.run(`k${i}`, 'x'.repeat(2_000));
}

/** Blocks this thread (no timer, no message of its own runs) until the database file has grown past `size`. */
function blockUntilCopiedBack(file: string, size: number): void {
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  while (fs.statSync(file).size <= size) Atomics.wait(sleeper, 0, 0, 10);
}

/** Waits, yielding, until the database file has grown past `size`. */
async function untilCopiedBack(file: string, size: number): Promise<void> {
  while (fs.statSync(file).size <= size) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('checkpoints in the background', () => {
  it('copy the WAL back while the core’s thread is busy, and empty it at close', async () => {
    const { db, file, wal } = store();
    const stop = checkpointInBackground(db, { everyMs: 20 });
    const before = fs.statSync(file).size;
    write(db, 0, 2_000);
    // This thread never yields here: only the checkpointer's own thread can copy the pages back.
    blockUntilCopiedBack(file, before);
    write(db, 2_000, 2_000);
    await stop();
    expect(fs.statSync(wal).size).toBe(0);
    expect(db.prepare("SELECT count(*) FROM settings WHERE key LIKE 'k%'").pluck().get()).toBe(4_000);
    db.close();
  });

  it('go on from the core’s thread when theirs cannot start, and say why', async () => {
    const { db, file, wal } = store();
    const errors: unknown[] = [];
    // As in an Electron build whose native module is missing: the checkpointer cannot open the store.
    const stop = checkpointInBackground(db, { everyMs: 20, nativeBinding: path.join(path.dirname(file), 'missing.node'), logError: (e) => errors.push(e) });
    const before = fs.statSync(file).size;
    write(db, 0, 2_000);
    await untilCopiedBack(file, before);
    expect(String(errors[0])).toMatch(/missing\.node/);
    await stop();
    expect(fs.statSync(wal).size).toBe(0);
    expect(db.prepare("SELECT count(*) FROM settings WHERE key LIKE 'k%'").pluck().get()).toBe(2_000);
    db.close();
  });

  it('leave a store in memory alone', async () => {
    const db = openDatabase({ dataDir: ':memory:' });
    const stop = checkpointInBackground(db, { everyMs: 20 });
    write(db, 0, 10);
    await stop();
    expect(db.prepare("SELECT count(*) FROM settings WHERE key LIKE 'k%'").pluck().get()).toBe(10);
    db.close();
  });
});
