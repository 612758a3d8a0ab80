import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { isTrivialPin } from '../../src/shared/rules/pin-blocklist';
import { codeTaken, pinSpace } from '../../src/cloud/rules/pin-codes';
import { grantPayload, cloudStores, startTestCloud, withoutTextStatus, type TestCloud, type TestConsole } from './helpers/test-cloud';

describe.each(cloudStores)('on %s', (store) => {
  const day = 86_400_000;

  /** A grant on one North Tower unit: its Kestrel KB-500 keypad (6 to 8 digits, no Enter key), and the shared doors when asked. */
  function northGrant(unit: string, pinCode: string, shared: boolean) {
    const doors = [{ doorId: `door-${unit}`, slot: 1 }, ...(shared ? [{ doorId: 'north-entrance', slot: 1 }, { doorId: 'garage-gate', slot: 1 }] : [])];
    return grantPayload({ unitId: unit, pinCode, doors });
  }

  describe('a console’s code lease', () => {
    let cloud: TestCloud;
    let clock = Date.now();
    afterEach(async () => {
      await cloud.close();
    });

    it('holds codes of each length the doors use, live nowhere and not trivial, and the same codes when asked again', async () => {
      cloud = await startTestCloud({ store, pinLeaseSize: 150 });
      const desk = await cloud.pair();
      const { status, body } = await desk.lease([]);
      expect(status).toBe(200);
      // Arden KP-200 keypads start at 4 digits; Kestrel doors at 6. Four digits lease at most a hundredth of their space.
      expect(body.lengths.map((l) => [l.length, l.size, l.codes.length])).toEqual([
        [4, 100, 100],
        [6, 150, 150],
      ]);
      const codes = body.lengths.flatMap((l) => l.codes);
      expect(new Set(codes).size).toBe(codes.length);
      for (const l of body.lengths) for (const code of l.codes) expect(code).toMatch(new RegExp(`^\\d{${l.length}}$`));
      expect(codes.filter(isTrivialPin)).toEqual([]);
      expect(Date.parse(body.expiresAt) - Date.now()).toBeGreaterThan(29 * day);

      const again = await desk.lease(codes);
      expect(again.body.lengths.map((l) => l.codes)).toEqual(body.lengths.map((l) => l.codes));
    });

    it('gives back what the console no longer holds, tops up what it used, and never leases a used code again', async () => {
      cloud = await startTestCloud({ store, pinLeaseSize: 10 });
      const desk = await cloud.pair();
      await desk.lease([]);
      const six = [...desk.leased.get(6)!];
      const used = six.slice(0, 3);
      await desk.pushOk(...used.map((code, i) => desk.mutation('credential.granted', northGrant(`north-70${i + 2}`, code, true))));
      // It says it still holds all but the used codes and one it gives back.
      const returned = six[3]!;
      const { body } = await desk.lease(six.filter((c) => c !== returned && !used.includes(c)));
      const now = body.lengths.find((l) => l.length === 6)!.codes;
      expect(now).toHaveLength(10);
      expect(now).toEqual(expect.arrayContaining(six.slice(4)));
      for (const code of [...used, returned]) expect(now).not.toContain(code);
      // A code given back is no longer this console's: a grant with it gets the cloud's code.
      const [r] = await desk.pushOk(desk.mutation('credential.granted', northGrant('north-710', returned, false)));
      expect(r!.fix).toMatchObject({ kind: 'pin_assigned' });
    });

    it('expires 30 days after the console last asked; an expired code is not the console’s any more', async () => {
      clock = Date.now();
      cloud = await startTestCloud({ store, pinLeaseSize: 5, now: () => new Date(clock) });
      const desk = await cloud.pair();
      await desk.lease([]);
      const [early, late] = desk.leased.get(6)!;
      clock += 20 * day;
      // Asking again renews the whole lease from now.
      const renewed = await desk.lease();
      expect(Date.parse(renewed.body.expiresAt)).toBe(clock + 30 * day);
      clock += 29 * day;
      const [kept] = await desk.pushOk(desk.mutation('credential.granted', northGrant('north-702', early!, false)));
      expect(kept!.fix).toBeUndefined();
      clock += 2 * day;
      const [lapsed] = await desk.pushOk(desk.mutation('credential.granted', northGrant('north-703', late!, false)));
      expect(lapsed!.fix).toMatchObject({ kind: 'pin_assigned' });
    });

    it('goes back to the pool when the console’s token is revoked', async () => {
      cloud = await startTestCloud({ store, pinLeaseSize: 5 });
      const desk = await cloud.pair();
      await desk.lease([]);
      const codes = desk.leased.get(6)!;
      const taken = (code: string) => cloud.store.transaction(async (tx) => codeTaken(tx, pinSpace(await tx.doorLockModels()), code, new Date().toISOString()));
      expect(await taken(codes[0]!)).toBe(true);
      await fetch(`${cloud.url}/v1/consoles/me`, { method: 'DELETE', headers: { authorization: `Bearer ${desk.token}` } });
      for (const code of codes) expect(await taken(code)).toBe(false);
      expect((await desk.lease([])).status).toBe(401);
    });

    it('refuses a request without a token, or one whose held codes are not codes', async () => {
      cloud = await startTestCloud({ store });
      const desk = await cloud.pair();
      const post = (body: unknown, token?: string) =>
        fetch(`${cloud.url}/v1/pin-leases`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
      expect((await post({ held: [] })).status).toBe(401);
      for (const body of [{}, { held: ['12ab56'] }, { held: ['123'] }, { held: Array.from({ length: 20_001 }, () => '482913') }]) {
        const res = await post(body, desk.token);
        expect(res.status, JSON.stringify(body).slice(0, 40)).toBe(400);
        expect(((await res.json()) as { error: { message: string } }).error.message).not.toMatch(/12ab56/);
      }
    });
  });

  /** What the change log says is live: each credential's code and doors, as a console that programs doors pulls it. */
  async function liveCodes(reader: TestConsole): Promise<{ code: string; doors: string[] }[]> {
    const live = new Map<string, { code: string; doors: string[] }>();
    for (const c of withoutTextStatus(await reader.pullAll())) {
      const p = c.payload as { credentialId: string; pinCode?: string | null; doors?: { doorId: string }[]; replaces?: string };
      if (c.kind === 'credential.granted' || c.kind === 'credential.reissued') {
        if (p.pinCode) live.set(p.credentialId, { code: p.pinCode, doors: p.doors!.map((d) => d.doorId) });
        if (p.replaces) live.delete(p.replaces);
      } else if (c.kind === 'credential.revoked') live.delete(p.credentialId);
    }
    return [...live.values()];
  }

  const prefixed = (a: string, b: string) => a !== b && (a.startsWith(b) || b.startsWith(a));
  /** North Tower's unit keypads (Kestrel KB-500) take 6 to 8 digits and have no Enter key. */
  const noEnter = (doorId: string) => doorId.startsWith('door-north-');

  describe('what the cloud counts as taken', () => {
    let cloud: TestCloud;
    afterEach(async () => {
      await cloud.close();
    });

    it('a code live anywhere or leased to anyone, and a prefix either way of one a keypad without Enter could hold with it', async () => {
      cloud = await startTestCloud({ store });
      const desk = await cloud.pair();
      const now = new Date().toISOString();
      // Written straight to the store: codes a console cannot choose (the cloud would choose them).
      await cloud.store.transaction(async (tx) => {
        await tx.insertCredential({
          id: 'cred-eight', unitId: 'north-702', kind: 'pin', audience: 'guest', schedule: { type: 'permanent' }, guest: { id: 'g8', name: 'Eight', phone: '+13125550108', company: null },
          pinCode: '48291375', blePass: null, endsAt: null, originConsoleId: desk.consoleId, grantedRole: 'leasing', grantedAt: now, replaces: null, visitId: null, doors: [{ doorId: 'door-north-702', slot: 1 }],
        });
        await tx.leasePin(desk.consoleId, '593024', now, new Date(Date.now() + day).toISOString());
        await tx.leasePin(desk.consoleId, '71930458', now, new Date(Date.now() + day).toISOString());
      });
      const taken = (code: string) => cloud.store.transaction(async (tx) => codeTaken(tx, pinSpace(await tx.doorLockModels()), code, now));
      expect(await taken('48291375')).toBe(true); // live
      expect(await taken('482913')).toBe(true); // a prefix of a live 8-digit code: KB-500 keypads take both
      expect(await taken('4829137')).toBe(true);
      expect(await taken('4829')).toBe(false); // no keypad without Enter takes 4 digits
      expect(await taken('593024')).toBe(true); // leased
      expect(await taken('59302411')).toBe(true); // extends a leased code
      expect(await taken('593025')).toBe(false);
      expect(await taken('719304')).toBe(true); // a prefix of a leased 8-digit code
      expect(await taken('719305')).toBe(false);
    });
  });

  type Step = { who: number; what: 'lease' | 'own' | 'theirs' | 'live' | 'prefix' | 'extension' | 'reuse' | 'revoke'; unit: number; floor: number; shared: boolean };

  const step: fc.Arbitrary<Step> = fc.record({
    who: fc.integer({ min: 0, max: 2 }),
    what: fc.constantFrom('lease', 'own', 'theirs', 'live', 'prefix', 'extension', 'reuse', 'revoke'),
    unit: fc.integer({ min: 1, max: 12 }),
    floor: fc.integer({ min: 2, max: 12 }),
    shared: fc.boolean(),
  });

  /**
   * Three consoles lease and grant on North Tower units, with their own codes and with hostile
   * ones: another console's leased code, a live code, a prefix or an extension of one, a code
   * they already used. Some grants are revoked. Answers what they lease at the end.
   */
  async function play(cloud: TestCloud, reader: TestConsole, steps: Step[]): Promise<string[]> {
    const consoles = [await cloud.pair('A'), await cloud.pair('B'), await cloud.pair('C')];
    for (const c of consoles) await c.lease([]);
    const used: string[] = [];
    const granted: string[] = [];
    for (const s of steps) {
      const c = consoles[s.who]!;
      const anyLive = (await liveCodes(reader)).at(-s.unit)?.code;
      const codes: Record<Step['what'], () => Promise<string | undefined> | string | undefined> = {
        own: () => c.leasedCode(),
        theirs: () => consoles[(s.who + 1) % 3]!.leased.get(6)?.[0],
        live: () => anyLive,
        prefix: () => anyLive?.slice(0, 6),
        extension: () => (anyLive ? `${anyLive}${s.unit}0`.slice(0, 8) : undefined),
        reuse: () => used.at(-1),
        lease: () => undefined,
        revoke: () => undefined,
      };
      const code = await codes[s.what]();
      if (s.what === 'lease') await c.lease();
      const revoking = s.what === 'revoke' ? granted.pop() : undefined;
      if (revoking) await c.pushOk(c.mutation('credential.revoked', { credentialId: revoking, reason: null, at: new Date().toISOString() }));
      if (!code) continue;
      const g = northGrant(`north-${s.floor}${String(s.unit).padStart(2, '0')}`, code, s.shared);
      const [r] = await c.pushOk(c.mutation('credential.granted', g));
      if (r!.status === 'accepted') granted.push(g.credentialId);
      if (s.what === 'own') used.push(code);
    }
    // Each console tells the cloud what it still holds; the cloud answers its whole lease.
    return (await Promise.all(consoles.map(async (c) => (await c.lease()).body.lengths.flatMap((l) => l.codes)))).flat();
  }

  describe('leases under any mix of consoles, grants and hostile codes (fast-check)', () => {
    let cloud: TestCloud | undefined;
    afterEach(async () => {
      await cloud?.close();
    });

    it('no two consoles hold the same code, no leased code clashes with a live one, and every door’s live codes stay unique and prefix-free', async () => {
      const property = fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 14 }), async (steps) => {
        const reader = await cloud!.pair('Maintenance');
        const leased = await play(cloud!, reader, steps);
        expect(new Set(leased).size).toBe(leased.length);
        const live = await liveCodes(reader);
        for (const code of leased) {
          expect(live.map((l) => l.code)).not.toContain(code);
          // A 6-digit leased code may land on any North unit keypad: none may hold a code it is a
          // prefix of, or that is one of it. (4-digit codes never go on those keypads.)
          if (code.length >= 6) for (const l of live) if (l.doors.some(noEnter)) expect(prefixed(code, l.code), `${code} / ${l.code}`).toBe(false);
        }
        const byDoor = new Map<string, string[]>();
        for (const l of live) for (const d of l.doors) byDoor.set(d, [...(byDoor.get(d) ?? []), l.code]);
        for (const [door, codes] of byDoor) {
          expect(new Set(codes).size, door).toBe(codes.length);
          if (noEnter(door)) for (const a of codes) for (const b of codes) expect(prefixed(a, b), `${door}: ${a} / ${b}`).toBe(false);
        }
      });
      // A fresh cloud for each run, so a failure shrinks to the steps that caused it.
      const fresh = async () => {
        await cloud?.close();
        cloud = await startTestCloud({ store, pinLeaseSize: 4 });
      };
      await fc.assert(property.beforeEach(fresh), { numRuns: 12 });
    });
  });
});
