import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/store/database';
import { saveSyncSetup } from '../../../src/main/store/sync-state-repo';
import { startTestCloud, withoutTextStatus, type TestCloud } from '../../cloud/helpers/test-cloud';
import { call, comboUnit, jane, memorySecrets, openTestConsole, signIn, type TestConsole } from '../../helpers/test-console';
import { pairedEarlier } from '../../helpers/cloud-pairing';

/*
 * A console upgraded with rows still in its outbox: rows older versions queued name their
 * actor as { id, name, role } (Porter as role 'system', or nobody at all). Migration 013 gives
 * them a kind, and they still reach the cloud as the same person.
 */

let cloud: TestCloud;
const consoles: TestConsole[] = [];
afterEach(async () => {
  for (const c of consoles.splice(0)) c.close();
  await cloud?.close();
});

/** The store as the older version left it: migration 013 not run, and rows in that version's shape. */
function asBeforeUpgrade(c: TestConsole, rows: { mutationId: string; actorJson: string | null }[]): void {
  c.db.prepare('DELETE FROM schema_migrations WHERE version = 13').run();
  for (const r of rows) c.db.prepare('UPDATE outbox SET actor_json = ? WHERE mutation_id = ?').run(r.actorJson, r.mutationId);
}

const actorOf = (c: TestConsole, mutationId: string) => JSON.parse(c.db.prepare('SELECT actor_json FROM outbox WHERE mutation_id = ?').pluck().get(mutationId) as string);

describe('an outbox queued by an older Porter', () => {
  it('still sends its rows after the upgrade, proven by the same staff member', async () => {
    cloud = await startTestCloud();
    const secrets = memorySecrets();
    const desk = openTestConsole(null, { secrets });
    consoles.push(desk);
    const paired = await pairedEarlier(cloud, secrets, 'Front desk');
    saveSyncSetup(desk.db, { url: cloud.url, consoleId: paired.consoleId, consoleName: 'Front desk', kiosk: false });
    await signIn(desk, 'avery');
    const granted = await call(desk, 'access.grant', { unitId: comboUnit, kind: 'pin', audience: 'guest', schedule: { type: 'permanent' }, guest: jane });
    const mutationId = desk.db.prepare("SELECT mutation_id FROM outbox WHERE kind = 'credential.granted'").pluck().get() as string;

    asBeforeUpgrade(desk, [{ mutationId, actorJson: JSON.stringify({ id: 'avery', name: 'Avery Brooks', role: 'admin' }) }]);
    expect(migrate(desk.db)).toEqual([13]);
    expect(actorOf(desk, mutationId)).toEqual({ kind: 'staff', staffId: 'avery', name: 'Avery Brooks' });

    expect(await call(desk, 'sync.now', {})).toMatchObject({ state: 'online', pending: 0 });
    expect(desk.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'sync.rejected'").pluck().get()).toBe(0);
    const reader = await cloud.pair('Reader');
    const change = withoutTextStatus(await reader.pullAll()).find((c) => c.payload.credentialId === granted.id);
    expect(change).toMatchObject({ kind: 'credential.granted', actor: { id: 'avery', name: 'Avery Brooks', role: 'admin' } });
  });

  it('gives Porter’s facts their reason, and a row without an actor none it could be proven by', async () => {
    const desk = openTestConsole();
    consoles.push(desk);
    const insert = desk.db.prepare('INSERT INTO outbox (mutation_id, kind, payload_json, created_at, actor_json) VALUES (?, ?, ?, ?, ?)');
    const at = new Date().toISOString();
    insert.run('00000000-0000-4000-8000-000000000001', 'credential.expired', JSON.stringify({ credentialId: 'cred_a', at }), at, JSON.stringify({ id: 'porter', name: 'Porter (automatic)', role: 'system' }));
    insert.run('00000000-0000-4000-8000-000000000002', 'credential.used', JSON.stringify({ credentialId: 'cred_b', at, doorId: 'door-a' }), at, JSON.stringify({ id: 'porter', name: 'Porter (automatic)', role: 'system' }));
    insert.run('00000000-0000-4000-8000-000000000003', 'credential.revoked', JSON.stringify({ credentialId: 'cred_c', reason: null, at }), at, null);
    asBeforeUpgrade(desk, []);
    expect(migrate(desk.db)).toEqual([13]);
    expect(actorOf(desk, '00000000-0000-4000-8000-000000000001')).toEqual({ kind: 'system', reason: 'schedule_ended' });
    expect(actorOf(desk, '00000000-0000-4000-8000-000000000002')).toEqual({ kind: 'system', reason: 'door_reported_use' });
    expect(actorOf(desk, '00000000-0000-4000-8000-000000000003')).toEqual({ kind: 'system', reason: 'unrecorded' });
  });
});
