import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isTrivialPin } from '../../src/cloud/rules/pin-codes';
import { grantPayload, readTexts, startTestCloud, withoutTextStatus, type TestCloud, type TestConsole } from './helpers/test-cloud';

let cloud: TestCloud;
let frontDesk: TestConsole;
let office: TestConsole;
beforeEach(async () => {
  cloud = await startTestCloud();
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

describe('the same PIN from two consoles on a shared door', () => {
  it('the second grant is applied with a new PIN, answered pin_taken with the fix, and the guest is texted again', async () => {
    const first = grantFor('north-702', '482913', 1, 'Ana Ruiz');
    const second = grantFor('north-703', '482913', 2, 'Ben Okafor');
    const [a] = await frontDesk.pushOk(frontDesk.mutation('credential.granted', first));
    const m = office.mutation('credential.granted', second);
    const [b] = await office.pushOk(m);
    expect(a).toMatchObject({ status: 'accepted' });
    expect(b).toMatchObject({
      status: 'rejected',
      code: 'pin_taken',
      reason: 'Another console gave this PIN on North Tower entrance to someone else first; the cloud gave Ben Okafor a new code and texted it again.',
      fix: { kind: 'pin_reissued', credentialId: second.credentialId, doors: second.doors },
      cursor: expect.any(Number),
    });
    // The answer is shown to staff and kept for good: the new code is not in it.
    expect(b!.fix).not.toHaveProperty('pinCode');
    const newPin = (await pinInCloud(second.credentialId))!;
    expect(newPin).toMatch(/^\d{6}$/);
    expect(newPin).not.toBe('482913');
    expect(isTrivialPin(newPin)).toBe(false);

    for (const console of [frontDesk, office]) {
      const changes = withoutTextStatus(await console.pullAll());
      expect(changes.map((c) => [c.kind, c.origin])).toEqual([
        ['credential.granted', frontDesk.consoleId],
        ['credential.granted', office.consoleId],
        ['credential.pin_changed', 'cloud'],
      ]);
      const grants = changes.filter((c) => c.kind === 'credential.granted' && c.payload.credentialId === second.credentialId);
      expect(grants).toHaveLength(1);
      expect(grants[0]!).toMatchObject({ mutationId: m.mutationId, payload: { pinCode: newPin } });
      expect(changes[2]).toMatchObject({ cursor: b!.cursor, mutationId: null, actor: null, payload: { credentialId: second.credentialId, pinCode: newPin } });
      expect(changes[2]!.audit.summary).not.toContain(newPin);
    }

    await cloud.server.textsSettled();
    const texts = readTexts(cloud.textsFile);
    const toBen = texts.filter((t) => t.to === second.guest.phone);
    expect(toBen.map((t) => t.idempotencyKey)).toEqual([`${second.credentialId}:granted`, `${second.credentialId}:pin_changed`]);
    expect(toBen[0]!.body).toBe(`Riverside Commons: your access code for North Tower 703 is ready: https://porter.example/c/${second.credentialId}`);
    for (const t of texts) {
      expect(t.body).not.toContain('482913');
      expect(t.body).not.toContain(newPin);
    }
    expect(texts.filter((t) => t.to === first.guest.phone)).toHaveLength(1);
  });

  it('a new code never takes a code live on any of the grant’s doors', async () => {
    // Fill the shared doors with codes, then collide: the drawn code must avoid them all.
    const taken = ['482913', '593024', '604135', '715246', '826357'];
    await frontDesk.pushOk(...taken.map((pin, i) => frontDesk.mutation('credential.granted', grantFor(`north-70${i + 4}`, pin, i + 1))));
    const clash = grantFor('north-702', '482913', 9);
    const [r] = await office.pushOk(office.mutation('credential.granted', clash));
    expect(r).toMatchObject({ code: 'pin_taken' });
    const newPin = await pinInCloud(clash.credentialId);
    expect(newPin).toMatch(/^\d{6,8}$/);
    expect(taken).not.toContain(newPin);
  });

  it('on a keypad without Enter a prefix clashes too', async () => {
    // Kestrel KB-500 unit keypads have no Enter key: 482913 opens before 48291375 is finished.
    const unitOnly = (pinCode: string) => grantPayload({ unitId: 'north-702', pinCode, doors: [{ doorId: 'door-north-702', slot: pinCode.length }] });
    await frontDesk.pushOk(frontDesk.mutation('credential.granted', unitOnly('482913')));
    const longer = unitOnly('48291375');
    const [r] = await office.pushOk(office.mutation('credential.granted', longer));
    expect(r).toMatchObject({ code: 'pin_taken', reason: expect.stringContaining('on North Tower 702'), fix: { kind: 'pin_reissued' } });
    const newPin = await pinInCloud(longer.credentialId);
    expect(newPin).toMatch(/^\d{8}$/);
    expect(newPin!.startsWith('482913')).toBe(false);
  });

  it('a code that ended, or whose schedule is over, is free again', async () => {
    const year = new Date().getFullYear() - 1;
    const over = grantPayload({ unitId: 'north-702', pinCode: '482913', schedule: { type: 'temporary', starts: `${year}-03-01T09:00`, ends: `${year}-03-03T09:00` }, doors: [{ doorId: 'north-entrance', slot: 1 }] });
    const revoked = grantFor('north-704', '593024', 2);
    await frontDesk.pushOk(frontDesk.mutation('credential.granted', over), frontDesk.mutation('credential.granted', revoked));
    await frontDesk.pushOk(frontDesk.mutation('credential.revoked', { credentialId: revoked.credentialId, reason: null, at: new Date().toISOString() }));
    const results = await office.pushOk(office.mutation('credential.granted', grantFor('north-702', '482913', 1)), office.mutation('credential.granted', grantFor('north-703', '593024', 2)));
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    expect(results.map((r) => r.fix)).toEqual([undefined, undefined]);
    // Nobody is texted about access that was over before the cloud heard of it.
    await cloud.server.textsSettled();
    expect(readTexts(cloud.textsFile).filter((t) => t.to === over.guest.phone)).toEqual([]);
  });
});

describe('the same slot from two consoles', () => {
  it('the second grant moves to the lowest free slot, accepted, and the change carries the corrected doors', async () => {
    await frontDesk.pushOk(frontDesk.mutation('credential.granted', grantFor('north-702', '482913', 1)));
    await frontDesk.pushOk(frontDesk.mutation('credential.granted', grantFor('north-704', '715246', 3)));
    const second = grantFor('north-703', '593024', 1);
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
    const [past] = await frontDesk.pushOk(frontDesk.mutation('credential.granted', arden('4829', 51)));
    expect(past).toMatchObject({ status: 'accepted', fix: { kind: 'slots_moved', doors: [{ doorId: 'door-south-501', slot: 1 }] } });
    const fill = Array.from({ length: 49 }, (_, i) => frontDesk.mutation('credential.granted', arden(String(5000 + i * 37).padStart(4, '0'), i + 2)));
    expect((await frontDesk.pushOk(...fill)).every((r) => r.status === 'accepted')).toBe(true);
    const [full] = await office.pushOk(office.mutation('credential.granted', arden('9173', 7)));
    expect(full).toMatchObject({ status: 'rejected', code: 'slots_full', reason: expect.stringContaining('all 50 are in use') });
  });
});
