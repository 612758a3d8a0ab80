import { afterEach, describe, expect, it } from 'vitest';
import type { BulkGrantResult } from '../../../src/shared/domain';
import { cloudStores, readTexts, startTestCloud, type TestCloud } from '../../cloud/helpers/test-cloud';
import { setUpSync } from '../../helpers/cloud-pairing';
import { call, linkedFetch, memorySecrets, openTestConsole, signIn, type TestConsole } from '../../helpers/test-console';

let cloud: TestCloud | undefined;
const consoles: TestConsole[] = [];
afterEach(async () => {
  for (const c of consoles.splice(0)) await c.close();
  await cloud?.close();
  cloud = undefined;
});

const crew = { name: 'Brightway crew', phone: '312-555-0190', company: 'Brightway Cleaning' };
const crewPhone = '+13125550190';
const floor3 = { scope: 'floor', buildingId: 'north', floor: 3 } as const;

async function pairedConsole(name: string) {
  const link = { online: true };
  const c = openTestConsole(undefined, { secrets: memorySecrets(), syncFetch: linkedFetch(link) });
  consoles.push(c);
  expect((await setUpSync(c, cloud!, name)).state).toBe('online');
  await signIn(c);
  return { console: c, link };
}

/** The visit's credentials on a console: code, how each ended, and the text's status, by credential. */
function visitOn(c: TestConsole, visitId: string) {
  return c.db.prepare('SELECT id, pin_code AS pin, end_reason AS ended, notification FROM credentials WHERE visit_id = ? ORDER BY id').all(visitId) as {
    id: string;
    pin: string | null;
    ended: string | null;
    notification: string;
  }[];
}

const visitOf = (c: TestConsole, credentialId: string) => c.db.prepare('SELECT visit_id FROM credentials WHERE id = ?').pluck().get(credentialId) as string;
const textsToCrew = () => readTexts(cloud!.textsFile).filter((t) => t.to === crewPhone);

describe.each(cloudStores)('a vendor’s visit between consoles, through the cloud on %s', (store) => {
  it('reaches a second console as one visit with one code and one text, and a revoke there ends it everywhere', async () => {
    cloud = await startTestCloud({ store });
    const a = await pairedConsole('Front desk');
    const b = await pairedConsole('Back office');
    const granted = await call(a.console, 'access.bulkGrant', { target: floor3, kind: 'pin', audience: 'vendor', guest: crew, schedule: { type: 'permanent' } });
    expect(granted.granted).toHaveLength(14);
    const visitId = visitOf(a.console, granted.granted[0]!.credentialId);
    await call(a.console, 'sync.now', {});
    await call(b.console, 'sync.now', {});
    const onA = visitOn(a.console, visitId);
    const onB = visitOn(b.console, visitId);
    expect(onB.map((c) => c.id)).toEqual(onA.map((c) => c.id));
    expect(new Set([...onA, ...onB].map((c) => c.pin)).size).toBe(1);
    expect((await call(b.console, 'units.get', { unitId: 'north-310' })).credentials.find((c) => c.guest.name === crew.name)?.visit).toEqual({ id: visitId, units: 14 });

    await cloud.server.textsSettled();
    expect(textsToCrew()).toHaveLength(1);
    // The one text's outcome shows on every unit of the visit, on both consoles.
    for (const c of [a.console, b.console]) await call(c, 'sync.now', {});
    for (const c of [a.console, b.console]) expect(visitOn(c, visitId).map((x) => x.notification)).toEqual(Array(14).fill('sent'));

    await call(b.console, 'access.revoke', { credentialId: onB[7]!.id, reason: 'Crew finished early' });
    await call(b.console, 'sync.now', {});
    await call(a.console, 'sync.now', {});
    for (const c of [a.console, b.console]) expect(visitOn(c, visitId).map((x) => x.ended)).toEqual(Array(14).fill('revoked'));
  });

  it('granted offline, arrives whole once the link is back: every unit, one code, one text', async () => {
    cloud = await startTestCloud({ store });
    const a = await pairedConsole('Front desk');
    const b = await pairedConsole('Back office');
    a.link.online = false;
    const granted: BulkGrantResult = await call(a.console, 'access.bulkGrant', { target: floor3, kind: 'pin', audience: 'vendor', guest: crew, schedule: { type: 'permanent' } });
    const visitId = visitOf(a.console, granted.granted[0]!.credentialId);
    expect(await call(a.console, 'sync.now', {})).toMatchObject({ state: 'offline' });
    expect(textsToCrew()).toHaveLength(0);

    a.link.online = true;
    expect(await call(a.console, 'sync.now', {})).toMatchObject({ state: 'online', pending: 0 });
    await call(b.console, 'sync.now', {});
    const onA = visitOn(a.console, visitId);
    const onB = visitOn(b.console, visitId);
    expect(onB).toHaveLength(14);
    expect(new Set([...onA, ...onB].map((c) => c.pin)).size).toBe(1);
    const inCloud = await cloud.store.transaction((tx) => tx.visitCredentials(visitId));
    expect(inCloud).toHaveLength(14);
    expect(new Set(inCloud.map((c) => c.pinCode))).toEqual(new Set([onA[0]!.pin]));
    await cloud.server.textsSettled();
    expect(textsToCrew()).toHaveLength(1);
  });
});
