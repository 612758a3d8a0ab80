import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isTrivialPin } from '../../src/shared/rules/pin-blocklist';
import { codeTaken, pinSpace } from '../../src/cloud/rules/pin-codes';
import { demoTextKey, grantPayload, readTexts, cloudStores, startTestCloud, withoutTextStatus, type TestCloud, type TestConsole } from './helpers/test-cloud';

describe.each(cloudStores)('on %s', (store) => {
  let cloud: TestCloud;
  let frontDesk: TestConsole;
  let office: TestConsole;
  beforeEach(async () => {
    cloud = await startTestCloud({ store });
    frontDesk = await cloud.pair('Front desk');
    office = await cloud.pair('Back office');
  });
  afterEach(async () => {
    await cloud.close();
  });

  /** The code the cloud holds for a credential now: a new one reaches consoles as a change, never in an answer. */
  async function pinInCloud(credentialId: string): Promise<string | null> {
    return (await cloud.store.transaction((tx) => tx.credential(credentialId)))?.pinCode ?? null;
  }

  /** North Tower units share the entrance and the garage gate (Kestrel readers with Enter keys). */
  function grantFor(unit: string, pinCode: string, slot = 1, guestName = `Guest of ${unit}`) {
    return grantPayload({
      unitId: unit,
      pinCode,
      guest: { id: `guest-${unit}`, name: guestName, phone: `+1312555${unit.slice(-3)}0`, company: null },
      doors: [
        { doorId: `door-${unit}`, slot },
        { doorId: 'north-entrance', slot },
        { doorId: 'garage-gate', slot },
      ],
    });
  }

  describe('a code the console did not lease', () => {
    it('is replaced by one the cloud draws, with the same answer whether the code was live or not, and the guest is texted once', async () => {
      const live = await frontDesk.leasedCode();
      const first = grantFor('north-702', live, 1, 'Ana Ruiz');
      await frontDesk.pushOk(frontDesk.mutation('credential.granted', first));
      // The office sends the code live on the shared doors, and one that is live nowhere.
      const onLive = grantFor('north-703', live, 2, 'Ben Okafor');
      const onFree = grantFor('north-704', '739104', 3, 'Cy Diaz');
      const [a, b] = await office.pushOk(office.mutation('credential.granted', onLive), office.mutation('credential.granted', onFree));
      const shape = async (r: typeof a, g: typeof onLive) => {
        // The answer never holds the code (it is kept and shown in the activity log).
        expect(r).toEqual({ mutationId: expect.any(String), status: 'accepted', cursor: expect.any(Number), fix: { kind: 'pin_assigned', credentialId: g.credentialId, doors: g.doors } });
        const pinCode = (await pinInCloud(g.credentialId))!;
        expect(pinCode).toMatch(/^\d{6}$/);
        expect(isTrivialPin(pinCode)).toBe(false);
        return pinCode;
      };
      const codes = [await shape(a, onLive), await shape(b, onFree)];
      expect(codes).not.toContain(live);
      expect(codes).not.toContain('739104');
      expect(new Set(codes).size).toBe(2);

      // Every console pulls the grant once, with the cloud's code, and no second change of code.
      for (const console of [frontDesk, office]) {
        const changes = withoutTextStatus(await console.pullAll());
        expect(changes.map((c) => [c.kind, c.origin])).toEqual([
          ['credential.granted', frontDesk.consoleId],
          ['credential.granted', office.consoleId],
          ['credential.granted', office.consoleId],
        ]);
        expect(changes.map((c) => c.payload.pinCode)).toEqual([live, ...codes]);
      }
      await cloud.server.textsSettled();
      const texts = readTexts(cloud.textsFile);
      for (const g of [first, onLive, onFree]) expect(texts.filter((t) => t.to === g.guest.phone).map((t) => t.idempotencyKey)).toEqual([demoTextKey(g.credentialId)]);
      for (const t of texts) for (const code of [live, '739104', ...codes]) expect(t.body).not.toContain(code);
    });

    it('a code leased to another console, or already used, is not the pushing console’s either', async () => {
      const theirs = await frontDesk.leasedCode();
      const mine = await office.leasedCode();
      const [stolen, own] = await office.pushOk(office.mutation('credential.granted', grantFor('north-702', theirs, 1)), office.mutation('credential.granted', grantFor('north-703', mine, 2)));
      expect(stolen!.fix).toMatchObject({ kind: 'pin_assigned' });
      expect(own!.fix).toBeUndefined();
      // The owner of the lease still uses its code as leased; the used one is used up.
      const [owner] = await frontDesk.pushOk(frontDesk.mutation('credential.granted', grantFor('north-704', theirs, 3)));
      expect(owner!.fix).toBeUndefined();
      const [again] = await office.pushOk(office.mutation('credential.granted', grantFor('north-705', mine, 4)));
      expect(again!.fix).toMatchObject({ kind: 'pin_assigned' });
    });

    it('a code that ended, or whose schedule is over, is free again', async () => {
      const year = new Date().getFullYear() - 1;
      const [overCode, revokedCode] = [await frontDesk.leasedCode(), await frontDesk.leasedCode()];
      const over = grantPayload({ unitId: 'north-702', pinCode: overCode, schedule: { type: 'temporary', starts: `${year}-03-01T09:00`, ends: `${year}-03-03T09:00` }, doors: [{ doorId: 'north-entrance', slot: 1 }] });
      const revoked = grantFor('north-704', revokedCode, 2);
      await frontDesk.pushOk(frontDesk.mutation('credential.granted', over), frontDesk.mutation('credential.granted', revoked));
      const now = new Date().toISOString();
      const taken = (code: string) => cloud.store.transaction(async (tx) => codeTaken(tx, pinSpace(await tx.doorLockModels()), code, now));
      expect(await taken(revokedCode)).toBe(true);
      await frontDesk.pushOk(frontDesk.mutation('credential.revoked', { credentialId: revoked.credentialId, reason: null, at: now }));
      expect(await taken(revokedCode)).toBe(false);
      expect(await taken(overCode)).toBe(false);
      // Nobody is texted about access that was over before the cloud heard of it.
      await cloud.server.textsSettled();
      expect(readTexts(cloud.textsFile).filter((t) => t.to === over.guest.phone)).toEqual([]);
    });
  });

  describe('the same slot from two consoles', () => {
    it('the second grant moves to the lowest free slot, accepted, and the change carries the corrected doors', async () => {
      await frontDesk.pushOk(frontDesk.mutation('credential.granted', grantFor('north-702', await frontDesk.leasedCode(), 1)));
      await frontDesk.pushOk(frontDesk.mutation('credential.granted', grantFor('north-704', await frontDesk.leasedCode(), 3)));
      const second = grantFor('north-703', await office.leasedCode(), 1);
      const [r] = await office.pushOk(office.mutation('credential.granted', second));
      const corrected = [
        { doorId: 'door-north-703', slot: 1 },
        { doorId: 'north-entrance', slot: 2 },
        { doorId: 'garage-gate', slot: 2 },
      ];
      expect(r).toEqual({ mutationId: r!.mutationId, status: 'accepted', cursor: expect.any(Number), fix: { kind: 'slots_moved', credentialId: second.credentialId, doors: corrected } });
      const change = (await office.pullAll()).find((c) => c.cursor === r!.cursor);
      expect(change!.payload.doors).toEqual(corrected);
    });

    it('a slot past the door model’s count is moved too, and a full door refuses the grant', async () => {
      // Arden KP-200 unit keypads hold 50 codes.
      const arden = (pinCode: string, slot: number) => grantPayload({ unitId: 'south-501', pinCode, doors: [{ doorId: 'door-south-501', slot }] });
      const [past] = await frontDesk.pushOk(frontDesk.mutation('credential.granted', arden(await frontDesk.leasedCode(4), 51)));
      expect(past).toMatchObject({ status: 'accepted', fix: { kind: 'slots_moved', doors: [{ doorId: 'door-south-501', slot: 1 }] } });
      const fill = Array.from({ length: 49 }, (_, i) => frontDesk.mutation('credential.granted', arden(String(5000 + i * 37).padStart(4, '0'), i + 2)));
      expect((await frontDesk.pushOk(...fill)).every((r) => r.status === 'accepted')).toBe(true);
      const [full] = await office.pushOk(office.mutation('credential.granted', arden('9173', 7)));
      expect(full).toMatchObject({ status: 'rejected', code: 'slots_full', reason: expect.stringContaining('all 50 are in use') });
    });
  });
});
