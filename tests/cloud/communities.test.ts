import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CommunityFile } from '../../src/shared/community-file';
import { cloudStores, demoCommunityFile, demoCommunityId, grantPayload, passcodes, readTexts, startTestCloud, withoutTextStatus, type TestCloud, type TestConsole } from './helpers/test-cloud';

/*
 * Two communities in one cloud whose unit, door and staff ids are the same (the same
 * buildings file given to two properties): a console paired to one never sees, nor can
 * touch, the other's data. Harbor Point lacks one unit Riverside has (north-114), and its
 * Avery has another passcode.
 */
const harbor = 'harbor-point';
const harborAveryPasscode = '9753';
const onlyInRiverside = 'north-114';

function harborFile(): CommunityFile {
  const demo = CommunityFile.parse(JSON.parse(fs.readFileSync(demoCommunityFile, 'utf8')));
  return {
    ...demo,
    community: { ...demo.community, id: harbor, name: 'Harbor Point' },
    buildings: demo.buildings.map((b) => ({ ...b, floors: b.floors.map((f) => ({ ...f, units: f.units.filter((u) => u.id !== onlyInRiverside) })) })),
    staff: demo.staff.map((s) => (s.id === 'avery' ? { ...s, passcode: harborAveryPasscode } : s)),
  };
}

const ofCredential = (id: string) => (c: { payload: Record<string, unknown> }) => c.payload.credentialId === id;

describe.each(cloudStores)('on %s', (store) => {
  let cloud: TestCloud;
  let riverside: TestConsole;
  let harborDesk: TestConsole;

  beforeEach(async () => {
    cloud = await startTestCloud({ store });
    await cloud.cloudStore.addCommunity(harborFile());
    riverside = await cloud.pair('Riverside desk');
    harborDesk = await cloud.pair('Harbor desk', { community: harbor, signIn: false });
    for (const staff of ['jordan', 'sam']) await harborDesk.signInOk(staff);
    await harborDesk.signInOk('avery', harborAveryPasscode);
  });
  afterEach(async () => {
    await cloud?.close();
  });

  it('a console learns its own community at pairing and from /v1/consoles/me', async () => {
    const me = await fetch(`${cloud.url}/v1/consoles/me`, { headers: { authorization: `Bearer ${harborDesk.token}` } });
    expect(((await me.json()) as { community: unknown }).community).toEqual({ id: harbor, name: 'Harbor Point' });
    expect((await cloud.cloudStore.communities()).map((c) => c.id)).toEqual([harbor, demoCommunityId]);
  });

  it('pulls: a grant in one community is not in the other’s change log', async () => {
    const grant = grantPayload();
    const [granted] = await riverside.pushOk(riverside.mutation('credential.granted', grant));
    expect(granted!.status).toBe('accepted');
    expect((await riverside.pullAll()).filter(ofCredential(grant.credentialId)).map((c) => c.kind)).toContain('credential.granted');
    await cloud.server.textsSettled();
    expect(await harborDesk.pullAll()).toEqual([]);
  });

  it('pushes: the same credential id, mutation id, unit, door, slot and PIN code apply in each community apart', async () => {
    const grant = grantPayload({ pinCode: '482913' });
    const first = riverside.mutation('credential.granted', grant);
    const [answered] = await riverside.pushOk(first);
    expect(answered).toMatchObject({ status: 'accepted' });
    // Harbor Point's console sends the very same mutation id and payload: a grant of its own, not a duplicate.
    harborDesk.seq = first.seq - 1;
    const again = harborDesk.prove({ ...harborDesk.mutation('credential.granted', grant), mutationId: first.mutationId });
    const [result] = await harborDesk.pushOk(again);
    // Answered as Riverside's was: the slots Riverside's grant holds are free in Harbor Point (no slot moved).
    expect(result).toEqual({ ...answered, cursor: expect.any(Number) });
    expect((result!.fix as { doors: unknown }).doors).toEqual(grant.doors);
    const harborLog = withoutTextStatus(await harborDesk.pullAll());
    expect(harborLog.map((c) => c.kind)).toEqual(['credential.granted']);
    expect(harborLog[0]!.payload).toMatchObject({ credentialId: grant.credentialId, doors: grant.doors });

    // Revoking it in Harbor Point ends Harbor Point's, and Riverside's stays live.
    const [revoked] = await harborDesk.pushOk(harborDesk.mutation('credential.revoked', { credentialId: grant.credentialId, reason: null, at: new Date().toISOString() }));
    expect(revoked!.status).toBe('accepted');
    expect((await riverside.pullAll()).filter(ofCredential(grant.credentialId)).map((c) => c.kind)).not.toContain('credential.revoked');
    const live = await cloud.store.transaction((tx) => tx.credential(grant.credentialId));
    expect(live).toMatchObject({ endedAt: null, unitId: 'north-702' });
  });

  it('pushes: a grant on a unit only the other community has is refused as unknown', async () => {
    const onRiversideOnly = grantPayload({ unitId: onlyInRiverside, pinCode: '731952', doors: [{ doorId: `door-${onlyInRiverside}`, slot: 1 }] });
    const [refused] = await harborDesk.pushOk(harborDesk.mutation('credential.granted', onRiversideOnly));
    expect(refused).toMatchObject({ status: 'rejected', code: 'not_found', reason: `Harbor Point has no unit ${onlyInRiverside} in the cloud.` });
    const [accepted] = await riverside.pushOk(riverside.mutation('credential.granted', { ...onRiversideOnly, credentialId: `cred_${randomUUID()}` }));
    expect(accepted!.status).toBe('accepted');
  });

  it('PIN codes: a code live or leased in one community is free in the other', async () => {
    const live = await riverside.leasedCode(6);
    const leased = riverside.leased.get(6)![0]!;
    const [granted] = await riverside.pushOk(riverside.mutation('credential.granted', grantPayload({ pinCode: live })));
    expect(granted).toEqual({ mutationId: expect.any(String), status: 'accepted', cursor: expect.any(Number) });
    const now = new Date().toISOString();
    const inHarbor = cloud.cloudStore.forCommunity(harbor);
    for (const code of [live, leased]) {
      expect(await cloud.store.transaction((tx) => tx.pinsTaken([code], now))).toBe(true);
      expect(await inHarbor.transaction((tx) => tx.pinsTaken([code], now))).toBe(false);
      expect(await cloud.store.transaction((tx) => tx.pinsExtending(code.slice(0, 4), [6], now))).toBe(true);
      expect(await inHarbor.transaction((tx) => tx.pinsExtending(code.slice(0, 4), [6], now))).toBe(false);
    }
    // Harbor Point's console leases codes of its own, and Riverside's lease stays whole.
    expect((await harborDesk.lease([])).status).toBe(200);
    expect(await inHarbor.transaction((tx) => tx.leasedPins(riverside.consoleId, now))).toEqual([]);
    expect(await cloud.store.transaction((tx) => tx.leasedPins(riverside.consoleId, now))).toContainEqual(expect.objectContaining({ code: leased }));
  });

  it('texts: each community’s guest gets their text, also under the same credential id, and its status reaches only that community', async () => {
    const riversideGrant = grantPayload({ pinCode: '615243' });
    // Harbor Point's console made the same credential id for another guest: not a repeat of Riverside's text.
    const harborGrant = { ...grantPayload({ pinCode: '615243' }), credentialId: riversideGrant.credentialId };
    await riverside.pushOk(riverside.mutation('credential.granted', riversideGrant));
    await harborDesk.pushOk(harborDesk.mutation('credential.granted', harborGrant));
    await cloud.server.textsSettled();
    const statuses = async (c: TestConsole) => (await c.pullAll()).filter((ch) => ch.kind === 'credential.text_status').map((ch) => [ch.payload.credentialId, ch.payload.status]);
    expect(await statuses(riverside)).toEqual([[riversideGrant.credentialId, 'sent']]);
    expect(await statuses(harborDesk)).toEqual([[harborGrant.credentialId, 'sent']]);
    const texts = readTexts(cloud.textsFile);
    expect(texts.map((t) => [t.to, t.body.split(':')[0], t.idempotencyKey])).toEqual([
      [riversideGrant.guest.phone, 'Riverside Commons', `${demoCommunityId}/${riversideGrant.credentialId}:granted`],
      [harborGrant.guest.phone, 'Harbor Point', `${harbor}/${harborGrant.credentialId}:granted`],
    ]);
  });

  it('staff sign-in: the same staff id has each community’s passcode, keys and wrong-passcode count', async () => {
    expect((await riverside.signIn('avery', harborAveryPasscode)).status).toBe(403);
    expect((await harborDesk.signIn('avery', passcodes.avery)).status).toBe(403);
    for (let i = 0; i < 5; i++) await harborDesk.signIn('jordan', '0000');
    expect((await harborDesk.signIn('jordan', passcodes.jordan)).status).toBe(429);
    expect((await riverside.signIn('jordan', passcodes.jordan)).status).toBe(200);
    // A proof made with Riverside's key for Jordan is not Jordan's proof in Harbor Point.
    const m = harborDesk.prove(harborDesk.mutation('credential.granted', grantPayload({ pinCode: '864213' })), riverside.keys.get('jordan'));
    const [result] = await harborDesk.pushOk(m);
    expect(result).toMatchObject({ status: 'rejected' });
  });

  it('audit anchors: each console’s log head is kept in its own community', async () => {
    const post = (c: TestConsole, body: unknown) =>
      fetch(`${cloud.url}/v1/audit-anchors`, { method: 'POST', headers: { authorization: `Bearer ${c.token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const hash = 'a'.repeat(64);
    expect((await post(riverside, { seq: 5, hash, previous: null })).status).toBe(201);
    const latest = await fetch(`${cloud.url}/v1/audit-anchors`, { headers: { authorization: `Bearer ${harborDesk.token}` } });
    expect(await latest.json()).toEqual({ latest: null });
    expect((await post(harborDesk, { seq: 1, hash: 'b'.repeat(64), previous: null })).status).toBe(201);
    expect(await cloud.store.latestAuditAnchor(riverside.consoleId)).toMatchObject({ seq: 5, hash });
    // Riverside's part of the store does not know Harbor Point's console.
    expect(await cloud.store.latestAuditAnchor(harborDesk.consoleId)).toBeNull();
  });
});
