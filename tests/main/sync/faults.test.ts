import { afterEach, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../../cloud/helpers/test-cloud';
import { call, comboUnit, jane, memorySecrets, openTestConsole, signIn, type TestConsole } from '../../helpers/test-console';
import { setUpSync } from '../../helpers/cloud-pairing';

let cloud: TestCloud;
const consoles: TestConsole[] = [];
afterEach(async () => {
  for (const c of consoles.splice(0)) await c.close();
  await cloud?.close();
});

type Fault = (input: Parameters<typeof fetch>[0], init: Parameters<typeof fetch>[1]) => Promise<Response>;

/** A paired console whose next pushes go through `fault` (once each), then straight to the cloud. */
async function consoleWithFaults() {
  const faults: Fault[] = [];
  const c = openTestConsole(undefined, {
    secrets: memorySecrets(),
    syncFetch: (input, init) => {
      const isPush = String(input).endsWith('/v1/mutations');
      const fault = isPush ? faults.shift() : undefined;
      return fault ? fault(input, init) : fetch(input, init);
    },
  });
  consoles.push(c);
  await setUpSync(c, cloud, 'Front desk');
  await signIn(c);
  return { console: c, faults };
}

const grant = { unitId: comboUnit, kind: 'pin', audience: 'guest', schedule: { type: 'permanent' }, guest: jane } as const;

/** How many changes the cloud holds for one credential's grant: exactly one, whatever happened on the way. */
async function grantsInCloud(credentialId: string): Promise<number> {
  const reader = await cloud.pair('Reader');
  const changes = await reader.pullAll();
  return changes.filter((c) => c.kind === 'credential.granted' && c.payload.credentialId === credentialId).length;
}

describe('the cloud misbehaving: nothing is lost, nothing applied twice', () => {
  it('a 500 leaves the change waiting; the next round delivers it', async () => {
    cloud = await startTestCloud();
    const { console: c, faults } = await consoleWithFaults();
    faults.push(async () => new Response(JSON.stringify({ error: { code: 'internal', message: 'The cloud could not do this.' } }), { status: 500 }));
    const granted = await call(c, 'access.grant', grant);
    expect(await call(c, 'sync.now', {})).toMatchObject({ state: 'offline', pending: 1, lastError: 'The cloud could not do this.' });
    expect(await call(c, 'sync.now', {})).toMatchObject({ state: 'online', pending: 0 });
    expect(await grantsInCloud(granted.id)).toBe(1);
  });

  it('a 429 is waited out for at least its Retry-After', async () => {
    cloud = await startTestCloud();
    const { console: c, faults } = await consoleWithFaults();
    faults.push(async () => new Response(JSON.stringify({ error: { code: 'busy', message: 'Slow down.' } }), { status: 429, headers: { 'retry-after': '120' } }));
    await call(c, 'access.grant', grant);
    const before = Date.now();
    const status = await call(c, 'sync.now', {});
    expect(status).toMatchObject({ state: 'offline', pending: 1 });
    expect(Date.parse(status.nextTryAt!) - before).toBeGreaterThanOrEqual(119_000);
  });

  it('an unreachable cloud is tried again every few seconds however long it stays away, and a waiting console catches up on its own once it is back', async () => {
    cloud = await startTestCloud();
    let reachable = true;
    const c = openTestConsole(undefined, {
      secrets: memorySecrets(),
      syncFetch: (input, init) => (reachable ? fetch(input, init) : Promise.reject(new TypeError('fetch failed'))),
    });
    consoles.push(c);
    await setUpSync(c, cloud, 'Front desk');
    await signIn(c);
    reachable = false;
    const granted = await call(c, 'access.grant', grant);
    // Twelve failures in a row: an unbounded back-off would be past an hour by now.
    for (let i = 0; i < 12; i++) {
      const before = Date.now();
      const status = await call(c, 'sync.now', {});
      expect(status).toMatchObject({ state: 'offline', pending: 1 });
      expect(Date.parse(status.nextTryAt!) - before).toBeLessThanOrEqual(4_000);
    }
    reachable = true;
    // No one presses "Sync now": the console's own next try finds the cloud.
    while ((await call(c, 'sync.status', {})).state !== 'online') await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await call(c, 'sync.status', {})).toMatchObject({ state: 'online', pending: 0 });
    expect(await grantsInCloud(granted.id)).toBe(1);
  });

  it('the connection cut after the cloud applied the push: sent again, applied once', async () => {
    cloud = await startTestCloud();
    const { console: c, faults } = await consoleWithFaults();
    faults.push(async (input, init) => {
      await fetch(input, init); // the cloud applies it...
      throw new TypeError('fetch failed: socket hang up'); // ...and the answer never arrives
    });
    const granted = await call(c, 'access.grant', grant);
    expect(await call(c, 'sync.now', {})).toMatchObject({ state: 'offline', pending: 1 });
    expect(await call(c, 'sync.now', {})).toMatchObject({ state: 'online', pending: 0 });
    expect(c.db.prepare("SELECT state, json_extract(result_json, '$.status') AS status FROM outbox ORDER BY seq DESC LIMIT 1").get()).toEqual({ state: 'accepted', status: 'duplicate' });
    expect(await grantsInCloud(granted.id)).toBe(1);
  });

  it('the same push delivered twice is applied once', async () => {
    cloud = await startTestCloud();
    const { console: c, faults } = await consoleWithFaults();
    faults.push(async (input, init) => {
      await fetch(input, init);
      return fetch(input, init);
    });
    const granted = await call(c, 'access.grant', grant);
    expect(await call(c, 'sync.now', {})).toMatchObject({ state: 'online', pending: 0 });
    expect(await grantsInCloud(granted.id)).toBe(1);
  });

  it('a slow answer is waited for', async () => {
    cloud = await startTestCloud();
    const { console: c, faults } = await consoleWithFaults();
    faults.push(async (input, init) => {
      await new Promise((r) => setTimeout(r, 1_500));
      return fetch(input, init);
    });
    const granted = await call(c, 'access.grant', grant);
    expect(await call(c, 'sync.now', {})).toMatchObject({ state: 'online', pending: 0 });
    expect(await grantsInCloud(granted.id)).toBe(1);
  });
});
