import { afterEach, describe, expect, it } from 'vitest';
import { demoTextKey, readTexts, startTestCloud, type TestCloud } from '../../cloud/helpers/test-cloud';
import { call, jane, memorySecrets, openTestConsole, signIn, type TestConsole } from '../../helpers/test-console';
import { setUpSync } from '../../helpers/cloud-pairing';

let cloud: TestCloud | undefined;
const consoles: TestConsole[] = [];
afterEach(async () => {
  for (const c of consoles.splice(0)) await c.close();
  await cloud?.close();
  cloud = undefined;
});

/** A console on the demo community paired with the test cloud; `link.online` cuts it off, `link.asked` counts each path it asked. */
async function pairedConsole(name: string, now?: () => Date) {
  const link = { online: true, asked: [] as string[] };
  const c = openTestConsole(undefined, {
    now,
    secrets: memorySecrets(),
    syncFetch: (input, init) => {
      if (!link.online) return Promise.reject(new TypeError('fetch failed: network is down'));
      link.asked.push(new URL(String(input)).pathname);
      return fetch(input, init);
    },
  });
  consoles.push(c);
  expect((await setUpSync(c, cloud!, name)).state).toBe('online');
  // Online once, so the admin's key is here and the grants can be proven.
  await signIn(c);
  return { console: c, link };
}

/** North Tower units share the building's entrance, the perimeter gates, the package room and the gym. */
const pinGrant = (unitId: string, name: string) => ({ unitId, kind: 'pin', audience: 'guest', schedule: { type: 'permanent' }, guest: { ...jane, name } }) as const;
const pinOf = (c: TestConsole, id: string) => c.db.prepare('SELECT pin_code FROM credentials WHERE id = ?').pluck().get(id) as string | null;
const leaseLeft = (c: TestConsole, length = 6) => c.db.prepare('SELECT count(*) FROM pin_lease WHERE length = ? AND drawn_at IS NULL').pluck().get(length) as number;
const answers = (c: TestConsole) =>
  (c.db.prepare("SELECT result_json FROM outbox WHERE state <> 'pending' AND result_json IS NOT NULL ORDER BY seq").pluck().all() as string[]).map((r) => JSON.parse(r) as { status: string; fix?: { kind: string } });

describe('code leases on consoles', () => {
  it('two offline consoles grant on shared doors at once and converge: no code replaced, nothing refused, one text per guest', async () => {
    cloud = await startTestCloud({ pinLeaseSize: 30 });
    const a = await pairedConsole('Front desk');
    const b = await pairedConsole('Lobby');
    // Paired and online once: each holds a lease of its own.
    expect(leaseLeft(a.console)).toBe(30);
    expect(leaseLeft(b.console)).toBe(30);
    a.link.online = false;
    b.link.online = false;
    const drawn = new Map<string, string>();
    for (let i = 0; i < 5; i++)
      for (const [c, unit] of [[a.console, `north-20${i + 1}`], [b.console, `north-30${i + 1}`]] as const) {
        const granted = await call(c, 'access.grant', pinGrant(unit, `Guest ${unit}`));
        drawn.set(granted.id, pinOf(c, granted.id)!);
      }
    // Each drew from its own lease, so no two of them drew the same code.
    expect(new Set(drawn.values()).size).toBe(10);
    expect([leaseLeft(a.console), leaseLeft(b.console)]).toEqual([25, 25]);

    a.link.online = true;
    b.link.online = true;
    for (let pass = 0; pass < 2; pass++) for (const c of [a.console, b.console]) await call(c, 'sync.now', {});

    for (const c of [a.console, b.console]) {
      // Slots two consoles chose apart may move (the doors' tables, not the guests' codes).
      expect(answers(c).map((r) => [r.status, r.fix?.kind ?? null]).filter(([status, fix]) => status !== 'accepted' || (fix !== null && fix !== 'slots_moved'))).toEqual([]);
      expect(c.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'sync.rejected'").pluck().get()).toBe(0);
      for (const [id, code] of drawn) expect(pinOf(c, id)).toBe(code);
    }
    await cloud.server.textsSettled();
    const texts = readTexts(cloud.textsFile);
    for (const id of drawn.keys()) expect(texts.filter((t) => t.idempotencyKey.includes(id)).map((t) => t.idempotencyKey)).toEqual([demoTextKey(id)]);
  });

  it('tops the lease up at a sync round once it runs below half, and only then', async () => {
    cloud = await startTestCloud({ pinLeaseSize: 6 });
    const desk = await pairedConsole('Front desk');
    expect(leaseLeft(desk.console)).toBe(6);
    const leases = () => desk.link.asked.filter((p) => p === '/v1/pin-leases').length;
    const asked = leases();
    const used: string[] = [];
    for (const unit of ['north-201', 'north-202', 'north-203']) used.push(pinOf(desk.console, (await call(desk.console, 'access.grant', pinGrant(unit, unit))).id)!);
    await call(desk.console, 'sync.now', {});
    expect(leases()).toBe(asked); // three of six left: not low yet
    used.push(pinOf(desk.console, (await call(desk.console, 'access.grant', pinGrant('north-204', 'north-204'))).id)!);
    await call(desk.console, 'sync.now', {});
    // Renewed at the round (the round the online sign-in started may have asked too).
    expect(leases()).toBeGreaterThan(asked);
    expect(leaseLeft(desk.console)).toBe(6);
    // The codes it used are the guests' now, not the lease's.
    const lease = desk.console.db.prepare('SELECT code FROM pin_lease').pluck().all() as string[];
    for (const code of used) expect(lease).not.toContain(code);
  });

  it('a console that runs out offline still grants; the cloud gives those grants its own codes before the guest is texted, once', async () => {
    cloud = await startTestCloud({ pinLeaseSize: 3 });
    const desk = await pairedConsole('Front desk');
    desk.link.online = false;
    const granted = [];
    for (let i = 1; i <= 5; i++) granted.push(await call(desk.console, 'access.grant', pinGrant(`north-50${i}`, `Guest ${i}`)));
    expect(leaseLeft(desk.console)).toBe(0);
    const drawn = granted.map((g) => pinOf(desk.console, g.id)!);
    const leased = drawn.slice(0, 3);

    desk.link.online = true;
    await call(desk.console, 'sync.now', {});
    // The three leased codes stand; the two drawn here were replaced by the cloud, and said so.
    expect(answers(desk.console).map((r) => r.fix?.kind ?? r.status)).toEqual(['accepted', 'accepted', 'accepted', 'pin_assigned', 'pin_assigned']);
    expect(granted.slice(0, 3).map((g) => pinOf(desk.console, g.id))).toEqual(leased);
    for (const [i, g] of granted.slice(3).entries()) {
      const code = pinOf(desk.console, g.id)!;
      expect(code).toMatch(/^\d{6}$/);
      expect(code).not.toBe(drawn[3 + i]);
    }
    // Nothing for staff to do: no refusal in the log. The lease is full again.
    expect(desk.console.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'sync.rejected'").pluck().get()).toBe(0);
    expect(leaseLeft(desk.console)).toBe(3);
    // Each guest is texted once, after the cloud settled the code the link shows.
    await cloud.server.textsSettled();
    const texts = readTexts(cloud.textsFile);
    for (const g of granted) expect(texts.filter((t) => t.idempotencyKey.includes(g.id)).map((t) => t.idempotencyKey)).toEqual([demoTextKey(g.id)]);
  });

  it('a lease past its expiry is not drawn from: the console draws the code itself, and the next round renews the lease', async () => {
    cloud = await startTestCloud({ pinLeaseSize: 4 });
    let clock = Date.now();
    const desk = await pairedConsole('Front desk', () => new Date(clock));
    desk.link.online = false;
    clock += 31 * 86_400_000; // a month offline: the cloud gave these codes back after 30 days
    const granted = await call(desk.console, 'access.grant', pinGrant('north-201', 'Late guest'));
    expect(leaseLeft(desk.console)).toBe(4);
    const lease = desk.console.db.prepare('SELECT code FROM pin_lease').pluck().all() as string[];
    expect(lease).not.toContain(pinOf(desk.console, granted.id));
    const leases = () => desk.link.asked.filter((p) => p === '/v1/pin-leases').length;
    const asked = leases();
    desk.link.online = true;
    await call(desk.console, 'sync.now', {});
    // Renewed at the round (the round the online sign-in started may have asked too).
    expect(leases()).toBeGreaterThan(asked);
    expect(answers(desk.console).at(-1)?.fix?.kind).toBe('pin_assigned');
  });

  it('a cloud that leases no codes, or answers a lease it cannot read, does not stop the sync: grants get the cloud’s codes', async () => {
    cloud = await startTestCloud();
    const other = await pairedConsole('Back office');
    const answers404 = () => new Response(JSON.stringify({ error: { code: 'not_found', message: 'The cloud has no such endpoint.' } }), { status: 404 });
    const garbled = () => new Response(JSON.stringify({ expiresAt: new Date(Date.now() + 86_400_000).toISOString(), lengths: [{ length: 6, size: 2, codes: ['12ab56', '4829'] }] }));
    for (const answer of [answers404, garbled]) {
      const { code } = await cloud.store.createPairingCode('Front desk');
      const c = openTestConsole(undefined, {
        secrets: memorySecrets(),
        syncFetch: (input, init) => (new URL(String(input)).pathname === '/v1/pin-leases' ? Promise.resolve(answer()) : fetch(input, init)),
      });
      consoles.push(c);
      expect((await call(c, 'sync.setUp', { url: cloud.url, pairingCode: code, name: 'Front desk', kiosk: false })).state).toBe('online');
      await signIn(c);
      expect(c.db.prepare('SELECT count(*) FROM pin_lease').pluck().get()).toBe(0);
      // It still pulls what others did, and grants: the cloud settles the code.
      const theirs = await call(other.console, 'access.grant', pinGrant('north-601', `Theirs ${answer.name}`));
      await call(other.console, 'sync.now', {});
      const mine = await call(c, 'access.grant', pinGrant('north-602', `Mine ${answer.name}`));
      const status = await call(c, 'sync.now', {});
      expect(status).toMatchObject({ state: 'online', pending: 0, lastError: null });
      expect(pinOf(c, theirs.id)).toBe(pinOf(other.console, theirs.id));
      expect(answers(c).at(-1)?.fix?.kind).toBe('pin_assigned');
      expect(pinOf(c, mine.id)).toMatch(/^\d{6}$/);
    }
  });

  it('a console never paired draws its codes itself, as before', async () => {
    const alone = openTestConsole();
    consoles.push(alone);
    const granted = await call(alone, 'access.grant', pinGrant('north-201', 'Alone'));
    expect(pinOf(alone, granted.id)).toMatch(/^\d{6}$/);
    expect(alone.db.prepare('SELECT count(*) FROM pin_lease').pluck().get()).toBe(0);
  });
});
