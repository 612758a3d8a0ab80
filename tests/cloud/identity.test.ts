import { afterEach, describe, expect, it } from 'vitest';
import { avery, grantPayload, jordan, lobbyKiosk, programmedPayload, cloudStores, startTestCloud, TestConsole, withoutTextStatus, type TestCloud } from './helpers/test-cloud';

describe.each(cloudStores)('on %s', (store) => {
  /*
   * A console's token alone is not enough to act as any staff member (docs/sync-api.md,
   * "Staff sign-in and proofs"): each test is something a hostile console could do before.
   */

  let cloud: TestCloud;
  afterEach(async () => {
    await cloud?.close();
  });

  /** A cloud whose clock a test moves. */
  async function cloudAt(start = Date.now()) {
    const clock = { ms: start };
    cloud = await startTestCloud({ store, now: () => new Date(clock.ms) });
    return clock;
  }

  const now = () => new Date().toISOString();

  describe('online sign-in', () => {
    it('answers the staff member as the cloud knows them and a 32-byte key, the same key again later', async () => {
      cloud = await startTestCloud({ store });
      const desk = await cloud.pair('Front desk', { signIn: false });
      const first = await desk.signIn('jordan', '2468');
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ staff: jordan, key: { id: expect.stringMatching(/^key_/), secret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) } });
      expect(Buffer.from((first.body.key as { secret: string }).secret, 'base64url')).toHaveLength(32);
      const again = await desk.signIn('jordan', '2468');
      expect(again.body).toEqual(first.body);
    });

    it('answers a wrong passcode and an unknown staff member alike', async () => {
      cloud = await startTestCloud({ store });
      const desk = await cloud.pair('Front desk', { signIn: false });
      const wrong = await desk.signIn('jordan', '9999');
      const unknown = await desk.signIn('mallory', '9999');
      expect(wrong.status).toBe(403);
      expect(unknown.status).toBe(wrong.status);
      expect(unknown.body).toEqual(wrong.body);
      expect(wrong.body).toEqual({ error: { code: 'sign_in_refused', message: 'Wrong passcode, or no such staff member.' } });
    });

    it('slows guessing per console and staff member with growing delays, across a restart, and not on other consoles', async () => {
      const clock = await cloudAt();
      const stolen = await cloud.pair('Stolen laptop', { signIn: false });
      const desk = await cloud.pair('Front desk', { signIn: false });
      for (const guess of ['0000', '1111', '2222']) expect((await stolen.signIn('avery', guess)).status).toBe(403);
      // The fourth wrong guess makes the next one wait 2 s; any try meanwhile is not even checked.
      expect((await stolen.signIn('avery', '3333')).status).toBe(403);
      const blocked = await stolen.signIn('avery', '1357');
      expect(blocked).toMatchObject({ status: 429, retryAfter: '2', body: { error: { code: 'too_many_attempts' } } });
      // The real Avery, at another console, is not locked out.
      expect((await desk.signIn('avery', '1357')).status).toBe(200);

      clock.ms += 2_000;
      expect((await stolen.signIn('avery', '4444')).status).toBe(403);
      cloud = await cloud.reopen();
      const sameLaptop = new TestConsole(cloud.url, stolen.token, stolen.consoleId);
      expect(await sameLaptop.signIn('avery', '1357')).toMatchObject({ status: 429, retryAfter: '4' });
      clock.ms += 4_000;
      expect((await sameLaptop.signIn('avery', '1357')).status).toBe(200);
    });

    it('a kiosk console does not sign staff in: it acts as the kiosk', async () => {
      cloud = await startTestCloud({ store });
      const lobby = await cloud.pair('Lobby', { kiosk: true });
      expect((await lobby.signIn('avery', '1357')).status).toBe(403);
      expect(lobby.keys.size).toBe(0);
    });
  });

  describe('a console cannot act as someone it has no key for', () => {
    it('naming another staff member, or an admin to change the guidelines, is refused', async () => {
      cloud = await startTestCloud({ store });
      const desk = await cloud.pair('Front desk', { signIn: false });
      const jordanKey = await desk.signInOk('jordan');
      const community = await cloud.store.community();
      const strict = { ...community.guidelines, maxTemporaryDays: 1 };
      const results = await desk.pushOk(
        // No proof at all, naming the admin.
        desk.mutation('community.guidelines_changed', { communityId: community.id, guidelines: strict, at: now() }, avery),
        // Jordan's key, naming Avery.
        desk.prove({ ...desk.mutation('community.guidelines_changed', { communityId: community.id, guidelines: strict, at: now() }, avery) }, jordanKey),
        desk.prove({ ...desk.mutation('credential.granted', grantPayload(), { id: 'sam' }) }, jordanKey),
      );
      expect(results[0]).toMatchObject({ status: 'rejected', code: 'proof_missing' });
      expect(results[1]).toMatchObject({ status: 'rejected', code: 'proof_invalid' });
      expect(results[2]).toMatchObject({ status: 'rejected', code: 'proof_invalid' });
      expect((await cloud.store.community()).guidelines).toEqual(community.guidelines);
      expect(withoutTextStatus(await desk.pullAll())).toEqual([]);
    });

    it('a wrong proof, a proof replayed on another mutation and another console’s key are refused for good', async () => {
      cloud = await startTestCloud({ store });
      const desk = await cloud.pair('Front desk');
      const office = await cloud.pair('Back office');
      const signed = desk.mutation('door.programmed', programmedPayload(1), avery);
      const forged = desk.mutation('door.programmed', programmedPayload(2), avery);
      forged.proof = { keyId: forged.proof!.keyId, signature: Buffer.alloc(32, 7).toString('base64url') };
      const replayed = { ...desk.mutation('door.programmed', programmedPayload(3), avery), proof: signed.proof };
      const altered = { ...desk.mutation('door.programmed', programmedPayload(4), avery) };
      altered.payload = { ...altered.payload, version: 40 };
      const borrowed = desk.prove({ ...desk.mutation('door.programmed', programmedPayload(5), avery) }, office.keys.get('avery'));
      const results = await desk.pushOk(signed, forged, replayed, altered, borrowed);
      expect(results.map((r) => r.code ?? r.status)).toEqual(['accepted', 'proof_invalid', 'proof_invalid', 'proof_invalid', 'proof_invalid']);
      expect(results[1]!.reason).toMatch(/proof of who made it does not hold/);
      // Refused for good: pushed again, each is answered the same, as a duplicate.
      const again = await desk.pushOk(forged);
      expect(again[0]).toMatchObject({ status: 'duplicate', original: 'rejected', code: 'proof_invalid' });
    });

    it('revoking a console ends the keys it was given', async () => {
      cloud = await startTestCloud({ store });
      const desk = await cloud.pair('Front desk');
      const keyId = desk.keys.get('jordan')!.id;
      expect(await cloud.store.transaction((tx) => tx.staffKey(keyId))).not.toBeNull();
      const res = await fetch(`${cloud.url}/v1/consoles/me`, { method: 'DELETE', headers: { authorization: `Bearer ${desk.token}` } });
      expect(res.status).toBe(204);
      expect(await cloud.store.transaction((tx) => tx.staffKey(keyId))).toBeNull();
    });

    it('names and sentences other consoles read come from the cloud, not from the console that pushed', async () => {
      cloud = await startTestCloud({ store });
      const desk = await cloud.pair('Front desk');
      const office = await cloud.pair('Back office');
      const payload = grantPayload();
      const m = desk.mutation('credential.granted', payload);
      const lying = desk.prove({ ...m, actor: { id: 'jordan', name: 'Avery Brooks (manager)', role: 'admin' }, audit: { action: 'access.granted', summary: 'Approved by the property owner' } });
      expect((await desk.pushOk(lying))[0]).toMatchObject({ status: 'accepted' });
      const [change] = withoutTextStatus(await office.pullAll());
      expect(change!.actor).toEqual(jordan);
      expect(change!.audit).toEqual({ action: 'access.granted', summary: `Jordan Lee granted ${payload.guest.name} a Permanent PIN code for North Tower 702, opening 3 doors` });
      expect(JSON.stringify(change)).not.toMatch(/property owner|manager/);
    });

    it('a kiosk console is named as the kiosk and its console, from the cloud’s records', async () => {
      cloud = await startTestCloud({ store });
      const lobby = await cloud.pair('Lobby', { kiosk: true });
      const year = new Date().getFullYear() + 1;
      const code = grantPayload({ schedule: { type: 'delivery', starts: `${year}-03-01T09:00`, ends: `${year}-03-01T11:00` }, doors: [{ doorId: 'north-entrance', slot: 1 }] });
      const [r] = await lobby.pushOk({ ...lobby.mutation('credential.granted', code, { id: 'avery', name: 'Avery Brooks', role: 'admin' }), audit: { action: 'x', summary: 'free text' } });
      expect(r).toMatchObject({ status: 'accepted' });
      const [change] = withoutTextStatus(await lobby.pullAll());
      expect(change!.actor).toEqual({ id: lobbyKiosk.id, name: 'Lobby kiosk (Lobby)', role: 'kiosk' });
      expect(change!.audit.summary).toBe(`Lobby kiosk (Lobby) granted ${code.guest.name} a Delivery PIN code for North Tower 702, opening 1 door`);
    });
  });

  describe('facts no staff member decided are checked against the cloud’s records', () => {
    const year = new Date().getFullYear() + 1;
    const temporary = { type: 'temporary', starts: `${year}-03-01T09:00`, ends: `${year}-03-02T09:00` };
    const delivery = { type: 'delivery', starts: `${year}-03-01T09:00`, ends: `${year}-03-01T11:00` };
    const porter = { id: 'porter', role: null };

    it('another console cannot end a grant as expired before its end, nor use up a grant that is not a delivery code', async () => {
      await cloudAt();
      const desk = await cloud.pair('Front desk');
      const hostile = await cloud.pair('Hostile', { signIn: false });
      const permanent = grantPayload({ pinCode: '602817' });
      const dated = grantPayload({ pinCode: '739104', schedule: temporary });
      await desk.pushOk(desk.mutation('credential.granted', permanent), desk.mutation('credential.granted', dated));
      const results = await hostile.pushOk(
        hostile.mutation('credential.expired', { credentialId: permanent.credentialId, at: now() }, porter),
        hostile.mutation('credential.expired', { credentialId: dated.credentialId, at: now() }, porter),
        hostile.mutation('credential.used', { credentialId: permanent.credentialId, at: now(), doorId: 'north-entrance' }, porter),
      );
      expect(results.map((r) => r.code)).toEqual(['not_allowed', 'not_allowed', 'not_allowed']);
      expect(results[1]!.reason).toMatch(/does not end until .* in the cloud’s records/);
      expect(results[2]!.reason).toMatch(/Only a one-time delivery code is used up at a door/);
      for (const id of [permanent.credentialId, dated.credentialId]) expect((await cloud.store.transaction((tx) => tx.credential(id)))!.endReason).toBeNull();
    });

    it('an expiry is taken once the cloud’s own record has ended (a few minutes’ skew allowed), named as Porter', async () => {
      const clock = await cloudAt();
      const desk = await cloud.pair('Front desk');
      const dated = grantPayload({ pinCode: '739104', schedule: temporary });
      await desk.pushOk(desk.mutation('credential.granted', dated));
      const endsAt = (await cloud.store.transaction((tx) => tx.credential(dated.credentialId)))!.endsAt!;
      clock.ms = Date.parse(endsAt) - 60_000; // the console's clock runs a minute ahead
      const [r] = await desk.pushOk(desk.mutation('credential.expired', { credentialId: dated.credentialId, at: endsAt }, { id: 'jordan', name: 'Mallory', role: 'admin' }));
      expect(r).toMatchObject({ status: 'accepted', cursor: expect.any(Number) });
      const change = (await desk.pullAll()).find((c) => c.kind === 'credential.expired');
      expect(change).toMatchObject({ actor: { id: 'porter', name: 'Porter (automatic)', role: null }, audit: { action: 'access.expired', summary: `${dated.guest.name}’s Temporary PIN code for North Tower 702 expired` } });
    });

    it('a use is taken for a delivery code at a door it opens, named as that door', async () => {
      await cloudAt();
      const desk = await cloud.pair('Front desk');
      const code = grantPayload({ schedule: delivery, doors: [{ doorId: 'north-entrance', slot: 1 }, { doorId: 'package-room', slot: 1 }] });
      await desk.pushOk(desk.mutation('credential.granted', code));
      const [elsewhere, used] = await desk.pushOk(
        desk.mutation('credential.used', { credentialId: code.credentialId, at: now(), doorId: 'door-north-702' }, porter),
        desk.mutation('credential.used', { credentialId: code.credentialId, at: now(), doorId: 'package-room' }, porter),
      );
      expect(elsewhere).toMatchObject({ status: 'rejected', code: 'not_allowed', reason: expect.stringContaining('does not open that door') });
      expect(used).toMatchObject({ status: 'accepted' });
      const change = (await desk.pullAll()).find((c) => c.kind === 'credential.used');
      expect(change).toMatchObject({ actor: { id: 'package-room', name: 'Package room', role: null }, audit: { summary: `${code.guest.name}’s Delivery PIN code for North Tower 702 was used at Package room` } });
    });
  });
});
