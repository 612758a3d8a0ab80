import fs from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../../src/main/store/database';
import { createCore } from '../../../src/main/core';
import { tempDir } from '../../helpers/test-console';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

it('migration 010 gives a door use queued by name the door’s id, so the cloud can take it', async () => {
  const dir = tempDir();
  dirs.push(dir);
  await createCore({ dataDir: dir, loadDemoWhenEmpty: true }).close();
  const db = openDatabase({ dataDir: dir });
  const queue = db.prepare("INSERT INTO outbox (mutation_id, kind, payload_json, created_at, state) VALUES (?, 'credential.used', ?, '2026-11-26T15:19:00.000Z', ?)");
  queue.run('use-pending', JSON.stringify({ credentialId: 'cred_a', at: '2026-11-26T15:19:00.000Z', door: 'Package room' }), 'pending');
  queue.run('use-answered', JSON.stringify({ credentialId: 'cred_b', at: '2026-11-26T15:19:00.000Z', door: 'Package room' }), 'accepted');
  db.prepare('DELETE FROM schema_migrations WHERE version = 10').run();
  expect(migrate(db)).toEqual([10]);
  const payload = (id: string) => JSON.parse(db.prepare('SELECT payload_json FROM outbox WHERE mutation_id = ?').pluck().get(id) as string);
  expect(payload('use-pending')).toMatchObject({ doorId: 'package-room' });
  expect(payload('use-answered')).not.toHaveProperty('doorId');
  db.close();
});
