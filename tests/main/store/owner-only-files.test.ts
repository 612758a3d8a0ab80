import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseFileName, openDatabase } from '../../../src/main/store/database';
import { openTestConsole, tempDir, type TestConsole } from '../../helpers/test-console';

const mode = (file: string): string => (fs.statSync(file).mode & 0o777).toString(8);
const dirs: string[] = [];
const consoles: TestConsole[] = [];
afterEach(async () => {
  for (const c of consoles.splice(0)) await c.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** The store's folder and every file in it, with their modes. */
function modes(dir: string): Record<string, string> {
  return Object.fromEntries([['.', mode(dir)], ...fs.readdirSync(dir).map((f) => [f, mode(path.join(dir, f))])]);
}

describe.runIf(process.platform === 'linux')('the console store is readable by its owner only', () => {
  it('a new store: the folder 0700, porter.sqlite and its -wal and -shm 0600, even under a loose umask', () => {
    const parent = tempDir();
    dirs.push(parent);
    const dir = path.join(parent, 'Porter');
    const umask = process.umask(0o002);
    try {
      const db = openDatabase({ dataDir: dir });
      db.prepare("INSERT INTO settings (key, value) VALUES ('note', 'written')").run();
      expect(modes(dir)).toEqual({ '.': '700', [databaseFileName]: '600', [`${databaseFileName}-wal`]: '600', [`${databaseFileName}-shm`]: '600' });
      db.close();
    } finally {
      process.umask(umask);
    }
  });

  it('a store an older version left world-readable is tightened when it opens', () => {
    const dir = tempDir();
    dirs.push(dir);
    const db = openDatabase({ dataDir: dir });
    db.prepare("INSERT INTO settings (key, value) VALUES ('note', 'written')").run();
    // As the old code left them: the folder and files at the umask's 0755 and 0644.
    fs.chmodSync(dir, 0o755);
    for (const f of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, f), 0o644);
    expect(Object.values(modes(dir))).toContain('644');
    const again = openDatabase({ dataDir: dir });
    expect(Object.values(modes(dir)).every((m) => m === '600' || m === '700')).toBe(true);
    expect(mode(dir)).toBe('700');
    again.close();
    db.close();
  });

  it('a working console, after grants and checkpoints, still has nothing readable by others', async () => {
    const t = openTestConsole();
    consoles.push(t);
    const answer = await t.core.dispatch('access.grant', { unitId: 'north-204', kind: 'pin', audience: 'guest', schedule: { type: 'permanent' }, guest: { name: 'Jane Doe', phone: '(312) 555-0142' } });
    expect(answer.ok).toBe(true);
    t.db.pragma('wal_checkpoint(TRUNCATE)');
    for (const [name, m] of Object.entries(modes(t.dataDir))) expect(m, name).toBe(name === '.' ? '700' : '600');
  });
});
