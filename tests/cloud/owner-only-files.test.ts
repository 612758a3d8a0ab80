import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cloudDatabaseFileName, openCloudDatabase } from '../../src/cloud/store/sqlite/sqlite-database';
import { FileTextProvider } from '../../src/cloud/texts/file-text-provider';
import { grantPayload, readTexts, startTestCloud, tempDir, type TestCloud } from './helpers/test-cloud';

const mode = (file: string): string => (fs.statSync(file).mode & 0o777).toString(8);
const modes = (dir: string): Record<string, string> =>
  Object.fromEntries([['.', mode(dir)], ...fs.readdirSync(dir).map((f) => [f, mode(path.join(dir, f))])]);

let cloud: TestCloud | null = null;
const dirs: string[] = [];
afterEach(async () => {
  await cloud?.close();
  cloud = null;
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe.runIf(process.platform === 'linux')('the cloud’s files are readable by their owner only', () => {
  it('a running cloud that texted a guest: its folder 0700, cloud.sqlite, -wal, -shm and texts.jsonl 0600', async () => {
    const umask = process.umask(0o002);
    try {
      cloud = await startTestCloud({ dataDir: path.join(tempDir(), '.cloud-data') });
      dirs.push(path.dirname(cloud.dataDir));
      const desk = await cloud.pair();
      await desk.pushOk(desk.mutation('credential.granted', grantPayload()));
      await cloud.server.textsSettled();
      expect(readTexts(cloud.textsFile)).toHaveLength(1);
      expect(modes(cloud.dataDir)).toEqual({
        '.': '700',
        [cloudDatabaseFileName]: '600',
        [`${cloudDatabaseFileName}-wal`]: '600',
        [`${cloudDatabaseFileName}-shm`]: '600',
        'texts.jsonl': '600',
      });
    } finally {
      process.umask(umask);
    }
  });

  it('files an older version left world-readable are tightened when the cloud opens them', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const db = openCloudDatabase(dir);
    const textsFile = path.join(dir, 'texts.jsonl');
    fs.writeFileSync(textsFile, `${JSON.stringify({ id: 'file_1', to: '+13125550100', body: 'hello', idempotencyKey: 'k1' })}\n`, { mode: 0o644 });
    fs.chmodSync(dir, 0o755);
    for (const f of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, f), 0o644);
    const again = openCloudDatabase(dir);
    // The provider tightens its file the first time it reads or writes it.
    await new FileTextProvider(textsFile).send({ to: '+13125550100', body: 'hello', idempotencyKey: 'k1' });
    for (const [name, m] of Object.entries(modes(dir))) expect(m, name).toBe(name === '.' ? '700' : '600');
    again.close();
    db.close();
  });
});
