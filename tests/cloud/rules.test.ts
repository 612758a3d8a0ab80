import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { avery, grantPayload, jordan, lobbyKiosk, programmedPayload, sam, cloudStores, startTestCloud, withoutTextStatus, type TestCloud, type TestConsole } from './helpers/test-cloud';

describe.each(cloudStores)('on %s', (store) => {
  let cloud: TestCloud;
  let frontDesk: TestConsole;
  beforeEach(async () => {
    cloud = await startTestCloud({ store });
    frontDesk = await cloud.pair('Front desk');
  });
  afterEach(async () => {
    await cloud.close();
  });

  const now = () => new Date().toISOString();
  /** A temporary schedule of `days` days, starting next year so it is never over. */
  function temporary(days: number) {
    const year = new Date().getFullYear() + 1;
    const end = new Date(Date.UTC(year, 2, 1 + days));
    return { type: 'temporary', starts: `${year}-03-01T09:00`, ends: `${end.toISOString().slice(0, 10)}T09:00` };
  }
  const delivery = () => {
    const year = new Date().getFullYear() + 1;
    return { type: 'delivery', starts: `${year}-03-01T09:00`, ends: `${year}-03-01T11:00` };
  };
  /** A delivery code for the common doors only, as the demo's guidelines keep them. */
  const deliveryGrant = (overrides: Record<string, unknown> = {}) =>
    grantPayload({ schedule: delivery(), doors: [{ doorId: 'north-entrance', slot: 1 }, { doorId: 'package-room', slot: 1 }], ...overrides });

  describe('roles, checked again in the cloud', () => {
    it('maintenance may not grant; leasing may not change guidelines or program doors', async () => {
      const community = await cloud.store.community();
      const results = await frontDesk.pushOk(
        frontDesk.mutation('credential.granted', grantPayload(), sam),
        frontDesk.mutation('community.guidelines_changed', { communityId: community.id, guidelines: community.guidelines, at: now() }, jordan),
        frontDesk.mutation('door.programmed', programmedPayload(1), jordan),
      );
      expect(results[0]).toMatchObject({ status: 'rejected', code: 'forbidden', reason: 'Maintenance staff may not grant access; Sam Ortiz needs someone with that role.' });
      expect(results[1]).toMatchObject({ status: 'rejected', code: 'forbidden', reason: expect.stringContaining('Leasing staff may not change the community’s guidelines') });
      expect(results[2]).toMatchObject({ status: 'rejected', code: 'forbidden', reason: expect.stringContaining('Leasing staff may not program doors') });
      expect(withoutTextStatus(await frontDesk.pullAll())).toEqual([]);
    });

    it('maintenance and admin may report door work', async () => {
      const results = await frontDesk.pushOk(frontDesk.mutation('door.programmed', programmedPayload(1), sam), frontDesk.mutation('door.lock_assigned', { doorId: 'door-north-702', serial: 'KB5-0042', at: now() }, avery));
      expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
      const [unknownDoor] = await frontDesk.pushOk(frontDesk.mutation('door.programmed', programmedPayload(2, 'door-nowhere'), sam));
      expect(unknownDoor).toMatchObject({ status: 'rejected', code: 'not_found' });
    });

    it('holds the proven actor to the role the cloud records, whatever role the console claims', async () => {
      const community = await cloud.store.community();
      // Jordan's own key, a claim to be admin: the cloud reads Jordan as leasing staff.
      const [r] = await frontDesk.pushOk(
        frontDesk.mutation('community.guidelines_changed', { communityId: community.id, guidelines: community.guidelines, at: now() }, { ...jordan, role: 'admin' }),
      );
      expect(r).toMatchObject({ status: 'rejected', code: 'forbidden', reason: 'Leasing staff may not change the community’s guidelines; Jordan Lee needs someone with that role.' });
    });
  });

  describe('kiosks', () => {
    it('a kiosk console acts as the kiosk, whoever it names', async () => {
      const lobby = await cloud.pair('Lobby', { kiosk: true });
      const [r] = await lobby.pushOk(lobby.mutation('credential.granted', grantPayload(), avery));
      expect(r).toMatchObject({ status: 'rejected', code: 'forbidden', reason: expect.stringContaining('A kiosk may not issue Permanent access') });
    });

    it('a kiosk grants only the guidelines’ kiosk types', async () => {
      const lobby = await cloud.pair('Lobby', { kiosk: true });
      const [permanent, deliveryCode] = await lobby.pushOk(lobby.mutation('credential.granted', grantPayload(), lobbyKiosk), lobby.mutation('credential.granted', deliveryGrant(), lobbyKiosk));
      expect(permanent).toMatchObject({ status: 'rejected', code: 'forbidden', reason: 'A kiosk may not issue Permanent access under Riverside Commons’ guidelines; ask the leasing office.' });
      expect(deliveryCode).toMatchObject({ status: 'accepted' });
    });

    it('a kiosk revokes and resends only its own grants', async () => {
      const lobby = await cloud.pair('Lobby', { kiosk: true });
      const own = deliveryGrant({ pinCode: '739104' });
      const others = grantPayload({ pinCode: '628405' });
      await lobby.pushOk(lobby.mutation('credential.granted', own, lobbyKiosk));
      await frontDesk.pushOk(frontDesk.mutation('credential.granted', others, jordan));
      const results = await lobby.pushOk(
        lobby.mutation('credential.revoked', { credentialId: others.credentialId, reason: null, at: now() }, lobbyKiosk),
        lobby.mutation('credential.text_requested', { credentialId: others.credentialId, at: now() }, lobbyKiosk),
        lobby.mutation('credential.expired', { credentialId: others.credentialId, at: now() }, { id: 'system', name: 'Porter (automatic)', role: null }),
        lobby.mutation('credential.text_requested', { credentialId: own.credentialId, at: now() }, lobbyKiosk),
        lobby.mutation('credential.revoked', { credentialId: own.credentialId, reason: 'left', at: now() }, lobbyKiosk),
      );
      expect(results.map((r) => [r.status, r.code])).toEqual([
        ['rejected', 'forbidden'],
        ['rejected', 'forbidden'],
        ['rejected', 'forbidden'],
        ['accepted', undefined],
        ['accepted', undefined],
      ]);
      expect(results[0]!.reason).toContain('A kiosk may only revoke access a kiosk granted');
    });

    it('a kiosk signed in on the front desk may not revoke, reschedule or resend leasing’s grant made there, only a kiosk’s', async () => {
      const leasings = deliveryGrant({ pinCode: '517392' });
      const kiosks = deliveryGrant({ pinCode: '640283', unitId: 'north-703', doors: [{ doorId: 'north-entrance', slot: 2 }, { doorId: 'package-room', slot: 2 }] });
      // The kiosk staff member signs in online at the front desk, as leasing did.
      await frontDesk.signInOk(lobbyKiosk.id);
      const granted = await frontDesk.pushOk(frontDesk.mutation('credential.granted', leasings, jordan), frontDesk.mutation('credential.granted', kiosks, lobbyKiosk));
      expect(granted.map((r) => r.status)).toEqual(['accepted', 'accepted']);
      const newDates = (replaces: string, pinCode: string) => deliveryGrant({ replaces, pinCode, doors: [{ doorId: 'north-entrance', slot: 3 }, { doorId: 'package-room', slot: 3 }] });
      const results = await frontDesk.pushOk(
        frontDesk.mutation('credential.revoked', { credentialId: leasings.credentialId, reason: null, at: now() }, lobbyKiosk),
        frontDesk.mutation('credential.reissued', newDates(leasings.credentialId, '728164'), lobbyKiosk),
        frontDesk.mutation('credential.text_requested', { credentialId: leasings.credentialId, at: now() }, lobbyKiosk),
        frontDesk.mutation('credential.text_requested', { credentialId: kiosks.credentialId, at: now() }, lobbyKiosk),
        frontDesk.mutation('credential.revoked', { credentialId: kiosks.credentialId, reason: 'left', at: now() }, lobbyKiosk),
      );
      expect(results.map((r) => [r.status, r.code])).toEqual([
        ['rejected', 'forbidden'],
        ['rejected', 'forbidden'],
        ['rejected', 'forbidden'],
        ['accepted', undefined],
        ['accepted', undefined],
      ]);
      expect(results[0]!.reason).toBe(`A kiosk may only revoke access a kiosk granted; ${leasings.guest.name}’s was granted by the leasing office on this console.`);
      expect(results[1]!.reason).toContain('A kiosk may only set new dates on access a kiosk granted');
      // Leasing's grant is still live in the cloud: no console hears of an end or new dates for it.
      const aboutLeasings = withoutTextStatus(await frontDesk.pullAll()).filter((c) => c.payload.credentialId === leasings.credentialId || c.payload.replaces === leasings.credentialId);
      expect(aboutLeasings.map((c) => c.kind)).toEqual(['credential.granted']);
    });
  });

  describe('guidelines, as the cloud has them now', () => {
    it('a guideline change, then a grant the new guideline refuses', async () => {
      const community = await cloud.store.community();
      const stricter = { ...community.guidelines, maxTemporaryDays: 7 };
      const [change] = await frontDesk.pushOk(frontDesk.mutation('community.guidelines_changed', { communityId: community.id, guidelines: stricter, at: now() }, avery));
      expect(change).toMatchObject({ status: 'accepted', cursor: expect.any(Number) });
      // A kiosk offline since before the change still thinks 30 days is fine.
      const [tooLong, fine] = await frontDesk.pushOk(
        frontDesk.mutation('credential.granted', grantPayload({ schedule: temporary(10) }), jordan),
        frontDesk.mutation('credential.granted', grantPayload({ schedule: temporary(7), pinCode: '913572' }), jordan),
      );
      expect(tooLong).toMatchObject({ status: 'rejected', code: 'not_allowed', reason: 'Temporary access may last at most 7 days under Riverside Commons’ guidelines.' });
      expect(fine).toMatchObject({ status: 'accepted' });
      expect((await cloud.store.community()).guidelines.maxTemporaryDays).toBe(7);
      const kinds = withoutTextStatus(await frontDesk.pullAll()).map((c) => c.kind);
      expect(kinds).toEqual(['community.guidelines_changed', 'credential.granted']);
    });

    it('refuses a type the guidelines do not allow for the kind', async () => {
      const [r] = await frontDesk.pushOk(frontDesk.mutation('credential.granted', grantPayload({ kind: 'ble', pinCode: null, schedule: { type: 'recurring', days: ['mon'], from: '09:00', until: '10:00' } })));
      expect(r).toMatchObject({ status: 'rejected', code: 'not_allowed', reason: 'Riverside Commons does not allow Recurring Bluetooth passes.' });
    });

    it('vendor access needs an admin when the guidelines say so', async () => {
      const vendor = (pinCode: string) => grantPayload({ audience: 'vendor', pinCode, guest: { id: `g-${pinCode}`, name: 'Pat Cleaner', phone: '+13125550199', company: 'Sparkle Co' } });
      const [byLeasing, byAdmin] = await frontDesk.pushOk(frontDesk.mutation('credential.granted', vendor('284719'), jordan), frontDesk.mutation('credential.granted', vendor('395827'), avery));
      expect(byLeasing).toMatchObject({ status: 'rejected', code: 'not_allowed', reason: 'Vendor access at Riverside Commons needs a manager’s approval: ask an admin to grant it.' });
      expect(byAdmin).toMatchObject({ status: 'accepted' });
    });

    it('guidelines naming a door that is not an amenity are refused', async () => {
      const community = await cloud.store.community();
      const [r] = await frontDesk.pushOk(frontDesk.mutation('community.guidelines_changed', { communityId: community.id, guidelines: { ...community.guidelines, amenityDoorIds: ['garage-gate'] }, at: now() }, avery));
      expect(r).toMatchObject({ status: 'rejected', code: 'invalid_payload', reason: expect.stringContaining('garage-gate') });
    });
  });

  describe('grants the cloud cannot place', () => {
    it('refuses unknown units and doors, and a unit door of another unit', async () => {
      const results = await frontDesk.pushOk(
        frontDesk.mutation('credential.granted', grantPayload({ unitId: 'north-9999' })),
        frontDesk.mutation('credential.granted', grantPayload({ doors: [{ doorId: 'door-north-702', slot: 1 }, { doorId: 'moon-gate', slot: 1 }] })),
        frontDesk.mutation('credential.granted', grantPayload({ doors: [{ doorId: 'door-north-701', slot: 1 }] })),
      );
      expect(results.map((r) => r.code)).toEqual(['not_found', 'not_found', 'invalid_payload']);
    });

    it('a credential id granted twice under two mutation ids is a conflict', async () => {
      const payload = grantPayload();
      const [first, second] = await frontDesk.pushOk(frontDesk.mutation('credential.granted', payload), frontDesk.mutation('credential.granted', payload));
      expect(first).toMatchObject({ status: 'accepted' });
      expect(second).toMatchObject({ status: 'rejected', code: 'conflict' });
    });
  });

  describe('ending credentials', () => {
    it('revoking, expiring or using an unknown or ended credential is an accepted no-op without a change', async () => {
      const payload = grantPayload();
      await frontDesk.pushOk(frontDesk.mutation('credential.granted', payload));
      const revoke = { credentialId: payload.credentialId, reason: 'moved out', at: now() };
      const [first, second, unknown, expired, used] = await frontDesk.pushOk(
        frontDesk.mutation('credential.revoked', revoke),
        frontDesk.mutation('credential.revoked', revoke),
        frontDesk.mutation('credential.revoked', { credentialId: 'cred_never', reason: null, at: now() }),
        frontDesk.mutation('credential.expired', { credentialId: payload.credentialId, at: now() }, { id: 'system', name: 'Porter (automatic)', role: null }),
        frontDesk.mutation('credential.used', { credentialId: 'cred_never', at: now(), doorId: 'north-entrance' }, { id: 'porter', role: null }),
      );
      expect(first).toMatchObject({ status: 'accepted', cursor: expect.any(Number) });
      for (const r of [second, unknown, expired, used]) expect(r).toEqual({ mutationId: r!.mutationId, status: 'accepted' });
      expect(withoutTextStatus(await frontDesk.pullAll()).map((c) => c.kind)).toEqual(['credential.granted', 'credential.revoked']);
    });

    it('a used delivery code ends; new dates end the old credential', async () => {
      const code = deliveryGrant();
      const old = grantPayload({ pinCode: '602817' });
      await frontDesk.pushOk(frontDesk.mutation('credential.granted', code), frontDesk.mutation('credential.granted', old));
      const reissue = grantPayload({ pinCode: '602817', replaces: old.credentialId, guest: old.guest, schedule: temporary(3) });
      const [used, reissued] = await frontDesk.pushOk(
        frontDesk.mutation('credential.used', { credentialId: code.credentialId, at: now(), doorId: 'package-room' }, { id: 'porter', role: null }),
        frontDesk.mutation('credential.reissued', reissue),
      );
      // The old credential left its doors in the same change, so its code is free for the new one.
      expect(used).toMatchObject({ status: 'accepted', cursor: expect.any(Number) });
      expect(reissued).toMatchObject({ status: 'accepted' });
      const [revokeOld] = await frontDesk.pushOk(frontDesk.mutation('credential.revoked', { credentialId: old.credentialId, reason: null, at: now() }));
      expect(revokeOld).toEqual({ mutationId: revokeOld!.mutationId, status: 'accepted' });
    });

    it('new dates on access someone else already revoked are a conflict', async () => {
      const office = await cloud.pair('Back office');
      const old = grantPayload();
      await frontDesk.pushOk(frontDesk.mutation('credential.granted', old));
      await office.pushOk(office.mutation('credential.revoked', { credentialId: old.credentialId, reason: 'moved out', at: now() }, avery));
      const [r] = await frontDesk.pushOk(frontDesk.mutation('credential.reissued', grantPayload({ replaces: old.credentialId, guest: old.guest })));
      expect(r).toMatchObject({ status: 'rejected', code: 'conflict', reason: expect.stringContaining('already revoked by Avery Brooks') });
    });
  });
});
