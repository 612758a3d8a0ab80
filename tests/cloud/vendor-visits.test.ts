import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { freshPostgresDatabase } from '../helpers/postgres-database';
import { avery, cloudStores, grantPayload, readTexts, startTestCloud, withoutTextStatus, type GrantFixture, type TestCloud, type TestConsole } from './helpers/test-cloud';

let cloud: TestCloud | undefined;
let second: TestCloud | undefined;
afterEach(async () => {
  // A second instance shares the first's database: stopped first, the first's close drops it.
  await second?.stop();
  await cloud?.close();
  cloud = second = undefined;
});

const floor3 = Array.from({ length: 14 }, (_, i) => `north-${301 + i}`);
// Vendor access needs an admin under the demo's guidelines: Avery grants and revokes.
const crew = { id: 'guest_brightway', name: 'Brightway crew', phone: '+13125550190', company: 'Brightway Cleaning' };
const visitDay = { type: 'temporary', starts: '2026-12-20T08:00', ends: '2026-12-20T17:00' } as const;

/** A vendor's visit as a console's bulk grant pushes it: one credential per unit, one code, the visit named on each. */
function visitGrants(code: string, units: readonly string[] = floor3, visitId = `bulk_${randomUUID()}`): (GrantFixture & { visit: { id: string; units: number } })[] {
  const visit = { id: visitId, units: units.length };
  return units.map((unitId, i) => ({
    ...grantPayload({
      unitId,
      guest: crew,
      audience: 'vendor',
      schedule: visitDay,
      pinCode: code,
      doors: [
        { doorId: `door-${unitId}`, slot: 1 },
        { doorId: 'north-entrance', slot: 40 + i },
      ],
      visit,
    }),
    visit,
  }));
}

describe.each(cloudStores)('a vendor’s visit on %s', (store) => {
  async function paired(): Promise<{ desk: TestConsole; code: string }> {
    cloud = await startTestCloud({ store });
    const desk = await cloud.pair();
    return { desk, code: await desk.leasedCode(6) };
  }

  it('texts the vendor once for 14 units, naming them, and keeps one code on every credential', async () => {
    const { desk, code } = await paired();
    const grants = visitGrants(code);
    const results = await desk.pushOk(...grants.map((g) => desk.mutation('credential.granted', g, avery)));
    expect(results.map((r) => r.status)).toEqual(Array(14).fill('accepted'));
    expect(results.every((r) => r.fix === undefined)).toBe(true);
    await cloud!.server.textsSettled();
    const texts = readTexts(cloud!.textsFile).filter((t) => t.to === crew.phone);
    expect(texts).toHaveLength(1);
    expect(texts[0]!.body).toContain('North Tower 301 and 13 more units');
    // Every console hears of each unit's credential with the visit's code and the visit named.
    const pulled = withoutTextStatus(await desk.pullAll()).filter((c) => c.kind === 'credential.granted');
    expect(pulled).toHaveLength(14);
    for (const c of pulled) expect(c.payload).toMatchObject({ pinCode: code, visit: { id: grants[0]!.visit.id, units: 14 } });
    const stored = await cloud!.store.transaction((tx) => tx.visitCredentials(grants[0]!.visit.id));
    expect(stored.map((c) => c.pinCode)).toEqual(Array(14).fill(code));
    // The text's page lists every unit the code opens.
    const link = /\/c\/([A-Za-z0-9_-]+)/.exec(texts[0]!.body)![1]!;
    const page = await (await fetch(`${cloud!.url}/c/${link}`)).text();
    expect(page).toContain('North Tower 301, North Tower 302');
    expect(page).toContain('North Tower 314');
    expect(page).toContain(code);
  });

  it('ends every unit of the visit when one is revoked, and tells every console the visit ended', async () => {
    const { desk, code } = await paired();
    const grants = visitGrants(code);
    await desk.pushOk(...grants.map((g) => desk.mutation('credential.granted', g, avery)));
    const [revoked] = await desk.pushOk(desk.mutation('credential.revoked', { credentialId: grants[3]!.credentialId, visitId: grants[3]!.visit.id, reason: null, at: new Date().toISOString() }, avery));
    expect(revoked).toMatchObject({ status: 'accepted' });
    const stored = await cloud!.store.transaction((tx) => tx.visitCredentials(grants[0]!.visit.id));
    expect(stored.map((c) => c.endReason)).toEqual(Array(14).fill('revoked'));
    const change = (await desk.pullAll()).find((c) => c.kind === 'credential.revoked')!;
    expect(change.payload).toMatchObject({ credentialId: grants[3]!.credentialId, visitId: grants[3]!.visit.id });
    expect(change.audit.summary).toMatch(/revoked Brightway crew’s visit: 14 units \(North Tower 301, 302, .*, 314\)$/);
    // A unit the same run adds after the visit was revoked is not taken into it.
    const late = visitGrants(code, ['north-401'], grants[0]!.visit.id)[0]!;
    const [refused] = await desk.pushOk(desk.mutation('credential.granted', late, avery));
    expect(refused).toMatchObject({ status: 'rejected', code: 'conflict' });
  });

  it('refuses a credential joining another console’s visit, or one for another guest, and leaves the visit’s code unshared', async () => {
    const { desk, code } = await paired();
    const grants = visitGrants(code, floor3.slice(0, 3));
    await desk.pushOk(...grants.map((g) => desk.mutation('credential.granted', g, avery)));
    const other = await cloud!.pair('Back office');
    const joining = visitGrants(await other.leasedCode(6), ['north-404'], grants[0]!.visit.id)[0]!;
    const [foreign] = await other.pushOk(other.mutation('credential.granted', joining, avery));
    expect(foreign).toMatchObject({ status: 'rejected', code: 'forbidden' });
    const someoneElse = { ...visitGrants(await desk.leasedCode(6), ['north-405'], grants[0]!.visit.id)[0]!, guest: { ...crew, phone: '+13125550191' } };
    const [mismatch] = await desk.pushOk(desk.mutation('credential.granted', someoneElse, avery));
    expect(mismatch).toMatchObject({ status: 'rejected', code: 'invalid_payload' });
    const stored = await cloud!.store.transaction((tx) => tx.visitCredentials(grants[0]!.visit.id));
    expect(stored.map((c) => c.unitId).sort()).toEqual(floor3.slice(0, 3));
  });

  it('refuses a kiosk’s revoke of a visit leasing granted, ending none of its units', async () => {
    const { desk, code } = await paired();
    const grants = visitGrants(code, floor3.slice(0, 2));
    await desk.pushOk(...grants.map((g) => desk.mutation('credential.granted', g, avery)));
    const kiosk = await cloud!.pair('Lobby kiosk', { kiosk: true });
    const [answer] = await kiosk.pushOk(
      kiosk.mutation('credential.revoked', { credentialId: grants[0]!.credentialId, visitId: grants[0]!.visit.id, reason: null, at: new Date().toISOString() }, { id: 'lobby-kiosk', name: 'Lobby kiosk', role: 'kiosk' }),
    );
    expect(answer).toMatchObject({ status: 'rejected', code: 'forbidden' });
    const stored = await cloud!.store.transaction((tx) => tx.visitCredentials(grants[0]!.visit.id));
    expect(stored.map((c) => c.endReason)).toEqual([null, null]);
  });

  it('gives every later unit the code the cloud settled for the first, when the console’s own code was not leased', async () => {
    const { desk } = await paired();
    const grants = visitGrants('739164', floor3.slice(0, 3));
    const results = await desk.pushOk(...grants.map((g) => desk.mutation('credential.granted', g, avery)));
    expect(results.map((r) => r.fix?.kind)).toEqual(['pin_assigned', 'pin_assigned', 'pin_assigned']);
    const stored = await cloud!.store.transaction((tx) => tx.visitCredentials(grants[0]!.visit.id));
    expect(new Set(stored.map((c) => c.pinCode)).size).toBe(1);
    expect(stored[0]!.pinCode).not.toBe('739164');
    await cloud!.server.textsSettled();
    expect(readTexts(cloud!.textsFile).filter((t) => t.to === crew.phone)).toHaveLength(1);
  });
});

describe('a vendor’s visit across cloud instances on one PostgreSQL database', () => {
  it('is texted once, whichever instance applies which of its units', async () => {
    const database = await freshPostgresDatabase();
    cloud = await startTestCloud({ store: 'postgres', database });
    second = await startTestCloud({ store: 'postgres', database });
    const desk = await cloud.pair();
    const grants = visitGrants(await desk.leasedCode(6));
    await desk.pushOk(...grants.slice(0, 7).map((g) => desk.mutation('credential.granted', g, avery)));
    const sameDesk = desk.resumedAt(second.url);
    const later = await sameDesk.pushOk(...grants.slice(7).map((g) => sameDesk.mutation('credential.granted', g, avery)));
    expect(later.map((r) => r.status)).toEqual(Array(7).fill('accepted'));
    await Promise.all([cloud.server.textsSettled(), second.server.textsSettled()]);
    const sent = [...readTexts(cloud.textsFile), ...readTexts(second.textsFile)].filter((t) => t.to === crew.phone);
    expect(sent).toHaveLength(1);
  });
});
