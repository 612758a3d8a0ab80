import { afterEach, describe, expect, it } from 'vitest';
import { maxRequestBytes } from '../../../src/shared/sync';
import { cloudStores, startTestCloud, type TestCloud } from '../../cloud/helpers/test-cloud';
import { setUpSync } from '../../helpers/cloud-pairing';
import { call, linkedFetch, memorySecrets, openTestConsole, signIn, type TestConsole } from '../../helpers/test-console';

let cloud: TestCloud | undefined;
const consoles: TestConsole[] = [];
afterEach(async () => {
  for (const c of consoles.splice(0)) await c.close();
  await cloud?.close();
  cloud = undefined;
});

const day = (d: Date) => d.toISOString().slice(0, 10);
const inTwoDays = day(new Date(Date.now() + 2 * 24 * 3600_000));

describe.each(cloudStores)('a push’s weight, through the cloud on %s', (store) => {
  it('a morning of vendor requests over whole buildings, asked offline, reaches the cloud in pushes it takes: none is held back', async () => {
    cloud = await startTestCloud({ store });
    const link = { online: true };
    const desk = openTestConsole(undefined, { secrets: memorySecrets(), syncFetch: linkedFetch(link) });
    consoles.push(desk);
    expect((await setUpSync(desk, cloud, 'Front desk')).state).toBe('online');
    await signIn(desk, 'jordan');
    link.online = false;

    const units = desk.db.prepare('SELECT id FROM units ORDER BY id').pluck().all() as string[];
    const ask = (n: number) =>
      call(desk, 'approvals.request', {
        scope: 'units',
        grant: { target: { scope: 'units', unitIds: units }, kind: 'pin', audience: 'vendor', guest: { name: `Vendor ${n}`, phone: `(312) 555-${String(1000 + n)}`, company: 'Brightway Cleaning' }, schedule: { type: 'temporary', starts: `${inTwoDays}T08:00`, ends: `${inTwoDays}T17:00` } },
        reason: `Inspection round ${n}`,
      });
    await ask(0);
    const requests = "FROM outbox WHERE kind = 'approval.requested'";
    const weight = desk.db.prepare(`SELECT length(payload_json) ${requests}`).pluck().get() as number;
    // More than one request's worth together: with the count alone as the batch's limit, one push.
    const asked = Math.ceil((1.5 * maxRequestBytes) / weight);
    expect(asked).toBeLessThan(200);
    for (let n = 1; n < asked; n++) await ask(n);

    link.online = true;
    const status = await call(desk, 'sync.now', {});
    expect(status).toMatchObject({ state: 'online', pending: 0, lastError: null });
    expect(desk.db.prepare(`SELECT state, count(*) AS n ${requests} GROUP BY state`).all()).toEqual([{ state: 'accepted', n: asked }]);
  });
});
