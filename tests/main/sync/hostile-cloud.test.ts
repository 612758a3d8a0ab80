import { afterEach, describe, expect, it } from 'vitest';
import { readCursor, saveSyncSetup } from '../../../src/main/store/sync-state-repo';
import { startTestCloud, type TestCloud } from '../../cloud/helpers/test-cloud';
import { call, comboUnit, jane, memorySecrets, openTestConsole, signIn, type TestConsole } from '../../helpers/test-console';
import { pairedEarlier } from '../../helpers/cloud-pairing';

/*
 * Every answer of the cloud is checked against the protocol's schema (src/shared/sync): a
 * cloud that answers something else is a sync error naming the field, nothing of the answer is
 * used, and the console syncs as usual once the cloud answers properly again.
 */

let cloud: TestCloud;
const consoles: TestConsole[] = [];
afterEach(async () => {
  for (const c of consoles.splice(0)) c.close();
  await cloud?.close();
});

/** Answers of a cloud gone wrong, by path; other paths go to the real cloud. */
type Forgery = Partial<Record<'/v1/mutations' | '/v1/changes', unknown>>;

async function consoleBehind(forgery: { current: Forgery }) {
  const secrets = memorySecrets();
  const hostile: typeof fetch = async (input, init) => {
    const path = new URL(String(input)).pathname as keyof Forgery;
    const answer = await fetch(input, init);
    if (!(path in forgery.current)) return answer;
    return new Response(JSON.stringify(forgery.current[path]), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const desk = openTestConsole(null, { secrets, syncFetch: hostile });
  consoles.push(desk);
  const paired = await pairedEarlier(cloud, secrets, 'Front desk');
  saveSyncSetup(desk.db, { url: cloud.url, consoleId: paired.consoleId, consoleName: 'Front desk', kiosk: false });
  await signIn(desk, 'avery');
  return desk;
}

const grant = { unitId: comboUnit, kind: 'pin', audience: 'guest', schedule: { type: 'permanent' }, guest: jane } as const;

describe('a cloud whose answers do not follow the protocol', () => {
  it('a push answer that is not one: a sync error naming the field, the row still waits, no refusal recorded', async () => {
    cloud = await startTestCloud();
    const forgery = { current: { '/v1/mutations': { results: [{ mutationId: 'not-a-uuid', status: 'maybe', fix: { kind: 'pin_assigned', pinCode: '1234' } }] } } as Forgery };
    const desk = await consoleBehind(forgery);
    await call(desk, 'access.grant', grant);
    const status = await call(desk, 'sync.now', {});
    expect(status).toMatchObject({ state: 'error', pending: 1, lastError: expect.stringContaining('/v1/mutations could not be read (results.0.') });
    expect(status.lastError).not.toContain('1234');
    expect(desk.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'sync.rejected'").pluck().get()).toBe(0);
    expect(desk.db.prepare("SELECT state FROM outbox WHERE kind = 'credential.granted'").pluck().get()).toBe('pending');

    forgery.current = {};
    expect(await call(desk, 'sync.now', {})).toMatchObject({ state: 'online', pending: 0 });
  });

  it('a page of changes that is not one: nothing of it applied, the cursor stays', async () => {
    cloud = await startTestCloud();
    const forgery = { current: { '/v1/changes': { changes: [{ cursor: 'one', kind: 'credential.revoked', payload: {} }], next: 99, more: false } } as Forgery };
    const desk = await consoleBehind(forgery);
    const status = await call(desk, 'sync.now', {});
    expect(status).toMatchObject({ state: 'error', lastError: expect.stringContaining('/v1/changes could not be read (changes.0.cursor') });
    expect(readCursor(desk.db)).toBe(0);

    for (const answer of ['not json at all', null, { changes: 'many', next: 1, more: false }]) {
      forgery.current = { '/v1/changes': answer };
      expect(await call(desk, 'sync.now', {})).toMatchObject({ state: 'error' });
      expect(readCursor(desk.db)).toBe(0);
    }
    forgery.current = {};
    expect(await call(desk, 'sync.now', {})).toMatchObject({ state: 'online' });
  });
});
