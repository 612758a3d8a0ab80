import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandInput, CommandName, CommandOutput } from '../../../src/shared/contract';
import type { StaffMember } from '../../../src/shared/domain';
import { startTestCloud, type TestCloud, type TestConsole as CloudConsole } from '../../cloud/helpers/test-cloud';
import { startCloudCluster, type CloudCluster } from '../../cloud/helpers/cloud-cluster';
import { countByKey } from '../../cloud/helpers/counting-provider';
import { verifyAuditChain } from '../../../src/main/store/audit-verify';
import { saveSyncSetup } from '../../../src/main/store/sync-state-repo';
import { linkedFetch, memorySecrets, openTestConsole, signIn, type TestConsole } from '../../helpers/test-console';
import { pairedEarlier } from '../../helpers/cloud-pairing';

/*
 * The cloud and three consoles (one of them a kiosk offline for long stretches) make random
 * grants, reschedules, revokes and resends, drop off the network and come back, over many
 * rounds; then every link heals and everyone syncs until quiet. Seeded: a failure names its
 * seed, and PORTER_SEED=<seed> replays it.
 *
 * Twice over: against one SQLite cloud, and against three cloud instances on one PostgreSQL
 * database behind a load balancer that sends each request to a random live instance, while
 * instances are SIGKILLed in the middle of a push and started again later.
 */

/** mulberry32: small, seeded, good enough to pick actions. */
function randomFrom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Member {
  name: string;
  console: TestConsole;
  link: { online: boolean };
  kiosk: boolean;
  /** Credentials this console made since pairing (ids). */
  made: Set<string>;
}

/** What the consoles talk to: its address, the community's store (pairing codes), and pairing an auditor. */
type Cloud = Pick<TestCloud, 'url' | 'store'> & { pair(name: string): Promise<CloudConsole> };

let cloud: Cloud | undefined;
let closeCloud: (() => Promise<void>) | undefined;
const members: Member[] = [];
afterEach(async () => {
  for (const m of members.splice(0)) await m.console.close();
  await closeCloud?.();
  cloud = undefined;
  closeCloud = undefined;
});

async function call<C extends CommandName>(c: TestConsole, command: C, input: CommandInput<C>): Promise<CommandOutput<C> | null> {
  const answer = await c.core.dispatch(command, input);
  // A refusal (the guidelines, a crowded code space) is an ordinary outcome in a random run.
  return answer.ok ? (answer.value as CommandOutput<C>) : null;
}

async function member(name: string, operator: StaffMember, kiosk: boolean): Promise<Member> {
  const link = { online: true };
  const secrets = memorySecrets();
  const c = openTestConsole(operator, {
    secrets,
    syncFetch: linkedFetch(link),
  });
  // Set up earlier by an admin (sync.setUp is theirs alone); the staff on duty work here now.
  const paired = await pairedEarlier(cloud!, secrets, name, kiosk);
  saveSyncSetup(c.db, { url: cloud!.url, consoleId: paired.consoleId, consoleName: name });
  // The staff member on duty signs in while the cloud is reachable (a kiosk acts as itself).
  if (!kiosk) await signIn(c, operator.id);
  const m = { name, console: c, link, kiosk, made: new Set<string>() };
  members.push(m);
  return m;
}

const units = ['north-204', 'north-205', 'north-305', 'north-1003', 'garden-104', 'south-305'];
const day = 86_400_000;
const date = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString().slice(0, 10);

async function randomAction(m: Member, random: () => number, step: number): Promise<void> {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const live = m.console.db
    .prepare("SELECT id FROM credentials WHERE ended_at IS NULL AND id IN (SELECT value FROM json_each(?)) ORDER BY id")
    .pluck()
    .all(JSON.stringify([...m.made])) as string[];
  const r = random();
  if (r < 0.55 || live.length === 0) {
    const temporary = { type: 'temporary', starts: `${date(1)}T09:00`, ends: `${date(1 + Math.ceil(random() * 5))}T17:00` } as const;
    const schedule = m.kiosk || random() < 0.5 ? temporary : ({ type: 'permanent' } as const);
    const granted = await call(m.console, 'access.grant', {
      unitId: pick(units),
      kind: 'pin',
      audience: 'guest',
      schedule,
      guest: { name: `Guest ${m.name} ${step}`, phone: `(312) 555-${String(1000 + step).slice(-4)}` },
    });
    if (granted) m.made.add(granted.id);
  } else if (r < 0.75) {
    await call(m.console, 'access.revoke', { credentialId: pick(live), reason: 'Random revoke' });
  } else if (r < 0.9) {
    const moved = await call(m.console, 'access.reschedule', {
      credentialId: pick(live),
      schedule: { type: 'temporary', starts: `${date(2)}T09:00`, ends: `${date(4)}T17:00` },
    });
    if (moved) m.made.add(moved.id);
  } else {
    await call(m.console, 'access.resend', { credentialId: pick(live) });
  }
}

/** The texts the cloud queued, with their state, read straight from its database. */
async function textKeys(databaseUrl: string): Promise<{ key: string; state: string }[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query('SELECT idempotency_key AS key, state FROM text_outbox')).rows;
  } finally {
    await client.end();
  }
}

/** What every party must agree on: each credential the cloud knows, its code and whether it is live. */
function stateOf(c: TestConsole, ids: string[]): Record<string, string> {
  const rows = c.db
    .prepare("SELECT id, coalesce(pin_code, '-') || (CASE WHEN ended_at IS NULL THEN ' live' ELSE ' ended' END) AS state FROM credentials WHERE id IN (SELECT value FROM json_each(?))")
    .all(JSON.stringify(ids)) as { id: string; state: string }[];
  return Object.fromEntries(rows.map((r) => [r.id, r.state]));
}

async function cloudState(): Promise<Record<string, string>> {
  const reader = await cloud!.pair('Auditor');
  const state: Record<string, string> = {};
  for (const change of await reader.pullAll()) {
    const p = change.payload as { credentialId?: string; pinCode?: string | null; replaces?: string };
    if (!p.credentialId) continue;
    if (change.kind === 'credential.granted' || change.kind === 'credential.reissued') {
      state[p.credentialId] = `${p.pinCode ?? '-'} live`;
      if (p.replaces && state[p.replaces]) state[p.replaces] = state[p.replaces]!.replace(' live', ' ended');
    }
    if (change.kind === 'credential.pin_changed' && state[p.credentialId]) state[p.credentialId] = `${p.pinCode} ${state[p.credentialId]!.split(' ')[1]}`;
    if (['credential.revoked', 'credential.expired', 'credential.used'].includes(change.kind) && state[p.credentialId])
      state[p.credentialId] = state[p.credentialId]!.replace(' live', ' ended');
  }
  return state;
}

const replay = process.env.PORTER_SEED ? [Number(process.env.PORTER_SEED)] : null;
const setups = [
  { name: 'one SQLite cloud', seeds: replay ?? [20261126, 7, 424242], cluster: false },
  { name: 'three PostgreSQL instances behind a load balancer, killed and restarted', seeds: replay ?? [20261206, 31], cluster: true },
];

describe.each(setups)('convergence, $name', ({ seeds, cluster: clustered }) => {
  it.each(seeds)('seed %i: after many rounds of random work and outages, the cloud and every console agree', async (seed) => {
    const random = randomFrom(seed);
    let cluster: CloudCluster | undefined;
    if (clustered) {
      // Its own random source, so the balancer's choices do not shift the consoles' work.
      // A claim lapses only for an instance stalled that long: on a loaded 2-core machine an
      // instance's loop has stalled past 10 s, and a live instance's text was taken over.
      cluster = await startCloudCluster({ size: 3, random: randomFrom(seed ^ 0x5eed), textClaimSeconds: 30 });
      cloud = cluster;
      closeCloud = () => cluster!.close();
    } else {
      const single = await startTestCloud();
      cloud = single;
      closeCloud = () => single.close();
    }
    const office = await member('Front desk', { id: 'jordan', name: 'Jordan Lee', role: 'leasing' }, false);
    const manager = await member('Manager', { id: 'avery', name: 'Avery Brooks', role: 'admin' }, false);
    const kiosk = await member('Lobby', { id: 'lobby-kiosk', name: 'Lobby kiosk', role: 'kiosk' }, true);
    const all = [office, manager, kiosk];

    for (let round = 0; round < 30; round++) {
      office.link.online = random() > 0.2;
      manager.link.online = random() > 0.2;
      // The kiosk is offline for long stretches: days, in a real lobby.
      kiosk.link.online = round % 10 >= 8;
      for (const m of all) if (random() < 0.8) await randomAction(m, random, round * 10 + all.indexOf(m));
      if (cluster) {
        // Now and then an instance dies in the middle of a push, and one that is down comes back.
        if (random() < 0.15) cluster.killNextPush();
        const down = cluster.instances.findIndex((i) => !i.process && !i.starting);
        if (down >= 0 && random() < 0.3) cluster.restartInBackground(down);
      }
      for (const m of all) if (random() < 0.6) await call(m.console, 'sync.now', {});
    }

    await cluster?.restartAll();
    for (const m of all) m.link.online = true;
    for (let pass = 0; pass < 3; pass++) for (const m of all) await call(m.console, 'sync.now', {});

    const expected = await cloudState();
    const ids = Object.keys(expected);
    // Not a quiet run: plenty of credentials, some of them ended, some made by the kiosk offline.
    expect(ids.length).toBeGreaterThan(20);
    expect(Object.values(expected).some((s) => s.endsWith(' ended'))).toBe(true);
    expect([...kiosk.made].some((id) => ids.includes(id))).toBe(true);
    for (const m of all) {
      // Everything made here reached the cloud, accepted or visibly refused.
      expect(m.console.db.prepare("SELECT count(*) FROM outbox WHERE state = 'pending' AND seq > (SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'sync.from_seq')").pluck().get()).toBe(0);
      const rejected = m.console.db.prepare("SELECT count(*) FROM outbox WHERE state = 'rejected'").pluck().get();
      expect(m.console.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'sync.rejected'").pluck().get()).toBe(rejected);
      for (const id of m.made)
        if (!ids.includes(id))
          expect(stateOf(m.console, [id])[id], `${m.name} ${id}`).toMatch(/ ended$/);
      // Every credential the cloud knows is here, with the same code and the same liveness; a
      // kiosk holds only its own grants' codes.
      const seen = m.kiosk ? Object.fromEntries(Object.entries(expected).map(([id, s]) => [id, m.made.has(id) ? s : s.replace(/^\d+ /, '- ')])) : expected;
      expect(stateOf(m.console, ids), `${m.name}, seed ${seed}`).toEqual(seen);
      // Each console's own hash chain still verifies, with the other consoles' lines in it.
      expect(verifyAuditChain(m.console.db)).toMatchObject({ intact: true, firstBrokenSeq: null });
    }
    if (cluster) {
      // Instances were killed along the way, some of them mid-push.
      expect(cluster.killed.size, `seed ${seed}`).toBeGreaterThan(0);
      // Every text to a guest went out once: a text a killed instance had claimed was taken
      // over once its claim lapsed, under the same key; no live instance sent a text twice,
      // and no two instances sent one unless the first was killed with it.
      await cluster.textsSettled();
      const queued = await textKeys(cluster.databaseUrl);
      expect(queued.length).toBeGreaterThan(10);
      expect([...new Set(cluster.provider.delivered)].sort()).toEqual(queued.map((t) => t.key).sort());
      expect(queued.filter((t) => t.state !== 'sent')).toEqual([]);
      for (const [key, n] of countByKey(cluster.provider.requests.map((r) => r.key))) {
        if (n === 1) continue;
        const senders = cluster.provider.requests.filter((r) => r.key === key).map((r) => r.account);
        expect(new Set(senders).size, `${key} sent by ${senders.join(', ')}`).toBe(senders.length);
        expect(senders.slice(0, -1).filter((a) => !cluster.killed.has(a)), `${key} sent by ${senders.join(', ')}`).toEqual([]);
      }
    }
  });
});
