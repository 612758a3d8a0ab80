import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openCloudStore } from '../src/cloud/open-cloud-store';
import { startCloudServer } from '../src/cloud/server';
import { FileTextProvider } from '../src/cloud/texts/file-text-provider';
import { createCore } from '../src/main/core';
import type { Core } from '../src/main/core-types';
import { memorySecretStore } from '../src/main/secrets/memory-secret-store';
import { openDatabase } from '../src/main/store/database';
import { saveSyncSetup } from '../src/main/store/sync-state-repo';
import { pairConsole } from '../src/main/sync/cloud-client';
import { startPostgres, type PostgresServer } from '../tests/helpers/postgres-server';
import { percentile, type Figure } from './stats';
import { addBenchCommunities, benchCommunity, printGrowth } from './sync-growth';
import { sustainedLoad } from './sync-load';

const tempDir = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));
const jordan = { id: 'jordan', name: 'Jordan Lee', role: 'leasing' } as const;

/** The token and the audit key in memory: createCore takes a store that answers at once. */
const memorySecrets = memorySecretStore;

type Cloud = Awaited<ReturnType<typeof startCloud>>;
/** Where a bench cloud keeps its store: SQLite in its data folder, or a fresh database on this PostgreSQL server. */
type Backend = { kind: 'sqlite' } | { kind: 'postgres'; server: PostgresServer };

async function freshDatabase(server: PostgresServer): Promise<string> {
  const name = `porter_bench_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A cloud of `instances` servers on one store (more than one only on PostgreSQL), each with a store of its own as separate processes would. */
export async function startCloud(backend: Backend, instances = 1) {
  const databaseUrl = backend.kind === 'postgres' ? await freshDatabase(backend.server) : null;
  const running: { dataDir: string; store: Awaited<ReturnType<typeof openCloudStore>>; server: Awaited<ReturnType<typeof startCloudServer>> }[] = [];
  for (let n = 0; n < instances; n++) {
    const dataDir = tempDir('porter-bench-cloud-');
    const store = await openCloudStore({ dataDir, communityFile: path.resolve('resources/demo/community.json'), databaseUrl });
    const server = await startCloudServer({ store, texts: new FileTextProvider(path.join(dataDir, 'texts.jsonl')) });
    running.push({ dataDir, store, server });
  }
  return {
    store: running[0]!.store,
    server: running[0]!.server,
    instances: running,
    databaseUrl,
    async close() {
      for (const r of running) {
        await r.server.close();
        await r.store.close();
        fs.rmSync(r.dataDir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * A console on the demo community, paired with the cloud, syncing every `intervalMs` (undefined: as shipped).
 * `openedAt`: when its core opened, the start of a pull figure (its first sync round begins then, before the sign-in).
 */
export async function pairedConsole(cloud: Cloud, name: string, intervalMs: number | undefined = 3_600_000, instance = 0, community = demoId): Promise<{ core: Core; dataDir: string; openedAt: number }> {
  const url = cloud.instances[instance]!.server.url;
  const dataDir = tempDir('porter-bench-console-');
  await createCore({ dataDir, loadDemoWhenEmpty: true }).close();
  const { code } = await cloud.store.forCommunity(community).createPairingCode(name);
  const paired = await pairConsole(url, { pairingCode: code, name, kiosk: false });
  const db = openDatabase({ dataDir });
  saveSyncSetup(db, { url, consoleId: paired.consoleId, consoleName: name });
  db.close();
  const secrets = memorySecrets();
  await secrets.set(`cloud-token:${paired.consoleId}`, paired.token);
  const openedAt = performance.now();
  const core = createCore({ dataDir, operator: jordan, secrets, syncIntervalMs: intervalMs });
  // Signed in, as at the desk: the cloud's key proves Jordan's changes, or they wait here for a sign-in.
  const session = await core.dispatch('staff.signIn', { staffId: jordan.id, passcode: '2468' });
  if (!session.ok) throw new Error(`staff.signIn: ${session.error.message}`);
  return { core, dataDir, openedAt };
}

const demoId = 'riverside-commons';

/** The demo community's unit ids. */
function demoUnits(): string[] {
  const file = JSON.parse(fs.readFileSync('resources/demo/community.json', 'utf8')) as { buildings: { floors: { units: { id: string }[] }[] }[] };
  return file.buildings.flatMap((b) => b.floors.flatMap((f) => f.units.map((u) => u.id)));
}

/**
 * The cloud's change log filled with `count` changes made elsewhere, written straight to its
 * store: grants, each revoked a while later, as a community's log runs (a unit holds a few live
 * guests at a time, not hundreds).
 */
export async function seedChanges(cloud: Cloud, count: number, community = demoId): Promise<void> {
  const units = demoUnits();
  const at = new Date().toISOString();
  /** Live grants at most: about 3 guests per unit of the demo; then the oldest is revoked. */
  const live = units.length * 3;
  let granted = 0;
  let revoked = 0;
  for (let start = 0; start < count; start += 5_000)
    await cloud.store.forCommunity(community).transaction(async (tx) => {
      for (let i = start; i < Math.min(count, start + 5_000); i++) {
        if (granted - revoked >= live) {
          const ended = revoked++;
          await tx.appendChange({
            kind: 'credential.revoked',
            payload: { credentialId: `cred_bench_${ended}`, at },
            origin: 'bench-console',
            mutationId: null,
            at,
            appliedAt: at,
            actor: jordan,
            audit: { action: 'access.revoked', summary: `Revoked Bench Guest ${ended}'s pass` },
          });
          continue;
        }
        const g = granted++;
        const unitId = units[g % units.length]!;
        await tx.appendChange({
          kind: 'credential.granted',
          payload: {
            credentialId: `cred_bench_${g}`,
            unitId,
            guest: { id: `guest_bench_${g}`, name: `Bench Guest ${g}`, phone: `+1312555${String(g % 10_000).padStart(4, '0')}`, company: null },
            audience: 'guest',
            kind: 'ble',
            schedule: { type: 'permanent' },
            pinCode: null,
            doors: [{ doorId: `door-${unitId}`, slot: Math.floor(g / units.length) + 1 }],
            at,
          },
          origin: 'bench-console',
          mutationId: null,
          at,
          appliedAt: at,
          actor: jordan,
          audit: { action: 'access.granted', summary: `Granted a pass to Bench Guest ${g}` },
        });
      }
    });
}

/** A round now; one that failed, or left changes waiting here, is no figure: the bench stops with its reason. */
export async function syncNow(core: Core): Promise<void> {
  const answer = await core.dispatch('sync.now', {});
  if (!answer.ok) throw new Error(answer.error.message);
  const status = answer.value as { state: string; lastError: string | null; pending: number; waitingFor: unknown[] };
  if (status.state !== 'online' || status.pending > 0) throw new Error(`The sync round did not finish: ${status.state}, ${status.pending} changes waiting${status.lastError ? ` (${status.lastError})` : ''}.`);
}

/**
 * Sync figures, on SQLite and on PostgreSQL, printed side by side: a pull of 100,000 changes
 * into a console that has none of them, a round that pushes 1,000 queued grants (and takes
 * their settled state back), and the time from a grant on one console to its appearance on
 * another with both consoles' engines running as shipped (a round 250 ms after a local change,
 * else waiting on the cloud for news), on PostgreSQL with the two consoles on different
 * instances. Then sustained load on PostgreSQL: 50 simulated consoles over 3 instances.
 */
export async function syncFigures(changes = 100_000, growth: GrowthOptions = { communities: [10, 100, 500], changes: 20_000, loadSeconds: 10 }): Promise<Figure[]> {
  const server = await startPostgres();
  try {
    const figures: Figure[] = [];
    for (const backend of [{ kind: 'sqlite' } as const, { kind: 'postgres', server } as const]) figures.push(...(await backendFigures(backend, changes)));
    const load = await startCloud({ kind: 'postgres', server }, 3);
    try {
      figures.push(...(await sustainedLoad(loadInstances(load, demoId), load.databaseUrl!)));
    } finally {
      await load.close();
    }
    for (const count of growth.communities) figures.push(...(await growthFigures(server, count, growth)));
    printSideBySide(figures);
    printGrowth(figures, growth.communities);
    return figures;
  } finally {
    await server.stop();
  }
}

/** The load's consoles pair with `community`, spread over the cloud's instances. */
const loadInstances = (cloud: Cloud, community: string) =>
  cloud.instances.map((r) => ({ url: r.server.url, createPairingCode: (name: string) => r.store.forCommunity(community).createPairingCode(name) }));

/** How the figures grow with the communities one database holds (PostgreSQL; --communities, --growth-changes, --load-seconds). */
export interface GrowthOptions {
  communities: number[];
  /** The pull measured: that many changes into an empty console (the full figure's are --changes). */
  changes: number;
  loadSeconds: number;
}

/**
 * The PostgreSQL figures again on a database holding `count` communities (sync-growth.ts),
 * each figure on a community of its own so one does not fill the doors of the next: the pull
 * on the demo's, the push on bench-1, the grant seen on bench-2 (two instances), the load on
 * bench-3 (50 consoles over 3 instances, shorter than the full figure's).
 */
async function growthFigures(server: PostgresServer, count: number, options: GrowthOptions): Promise<Figure[]> {
  const prefix = `sync.postgres.communities ${count}`;
  const figures: Figure[] = [];
  const cloud = await startCloud({ kind: 'postgres', server }, 3);
  try {
    await addBenchCommunities(cloud.databaseUrl!, demoId, count, 1_000, 200);
    await seedChanges(cloud, options.changes);
    const reader = await pairedConsole(cloud, 'Reader');
    await syncNow(reader.core);
    figures.push({ name: `${prefix}.pull${options.changes}`, value: Math.round(performance.now() - reader.openedAt), unit: 'ms' });
    await reader.core.close();
    const writer = await pairedConsole(cloud, 'Writer', undefined, 0, benchCommunity(1));
    await syncNow(writer.core);
    await queueGrants(writer.core, 1_000);
    const started = performance.now();
    await syncNow(writer.core);
    figures.push({ name: `${prefix}.push1000`, value: Math.round(performance.now() - started), unit: 'ms' });
    await writer.core.close();
    figures.push(...(await grantToAppearance(cloud, prefix, 20, benchCommunity(2))));
    const load = await sustainedLoad(loadInstances(cloud, benchCommunity(3)), cloud.databaseUrl!, 50, options.loadSeconds * 1_000);
    figures.push(...load.map((f) => ({ ...f, name: f.name.replace(/^sync\.load /, `${prefix}.load `) })));
  } finally {
    await cloud.close();
  }
  for (const f of figures) console.error(JSON.stringify(f));
  return figures;
}

/** Grants made while the engine waits an hour between rounds: the next round sends them all. */
async function queueGrants(core: Core, count: number): Promise<void> {
  const offline = demoUnits().slice(0, 100);
  for (let i = 0; i < count; i++)
    await core.dispatch('access.grant', { unitId: offline[i % offline.length]!, kind: 'ble', audience: 'guest', schedule: { type: 'permanent' }, guest: { name: `Queued ${i}`, phone: `(312) 555-${String(i).padStart(4, '0')}` } });
}

function printSideBySide(figures: Figure[]): void {
  const rows = new Map<string, { sqlite?: string; postgres?: string }>();
  for (const f of figures) {
    // The sustained load runs on PostgreSQL only.
    const m = /^sync\.(sqlite|postgres)\.(.+)$/.exec(f.name) ?? (f.name.startsWith('sync.load ') ? [f.name, 'postgres', f.name.slice('sync.'.length)] : null);
    // The growth figures have a table of their own (printGrowth).
    if (!m || m[2]!.startsWith('communities ')) continue;
    const row = rows.get(m[2]!) ?? {};
    row[m[1] as 'sqlite' | 'postgres'] = `${f.value} ${f.unit}`;
    rows.set(m[2]!, row);
  }
  console.error('\nsync figure                          SQLite        PostgreSQL');
  for (const [name, row] of rows) console.error(`${name.padEnd(36)} ${(row.sqlite ?? '-').padEnd(13)} ${row.postgres ?? '-'}`);
}

async function backendFigures(backend: Backend, changes: number): Promise<Figure[]> {
  const figures: Figure[] = [];
  const prefix = `sync.${backend.kind}`;
  const cloud = await startCloud(backend);
  try {
    await seedChanges(cloud, changes);
    const reader = await pairedConsole(cloud, 'Reader');
    await syncNow(reader.core);
    figures.push({ name: `${prefix}.pull${changes}`, value: Math.round(performance.now() - reader.openedAt), unit: 'ms' });
    await reader.core.close();
  } finally {
    await cloud.close();
  }
  // On a cloud of its own, so the round is the push and its own changes back, not the log above.
  const pushCloud = await startCloud(backend);
  try {
    const writer = await pairedConsole(pushCloud, 'Writer');
    await syncNow(writer.core);
    await queueGrants(writer.core, 1_000);
    const started = performance.now();
    await syncNow(writer.core);
    figures.push({ name: `${prefix}.push1000`, value: Math.round(performance.now() - started), unit: 'ms' });
    await writer.core.close();
  } finally {
    await pushCloud.close();
  }
  // On a cloud of its own (two instances on PostgreSQL): after the pull above every unit door's slots are taken.
  const quiet = await startCloud(backend, backend.kind === 'postgres' ? 2 : 1);
  try {
    figures.push(...(await grantToAppearance(quiet, prefix)));
  } finally {
    await quiet.close();
  }
  return figures;
}

/** The two consoles on the cloud's first and last instance: different ones when it has two. */
async function grantToAppearance(cloud: Cloud, prefix: string, samplesWanted = 20, community = demoId): Promise<Figure[]> {
  const a = await pairedConsole(cloud, 'Front desk', undefined, 0, community);
  const b = await pairedConsole(cloud, 'Back office', undefined, cloud.instances.length - 1, community);
  await Promise.all([syncNow(a.core), syncNow(b.core)]);
  const samples: number[] = [];
  for (let i = 0; i < samplesWanted; i++) {
    const started = performance.now();
    const granted = await a.core.dispatch('access.grant', { unitId: 'north-204', kind: 'ble', audience: 'guest', schedule: { type: 'permanent' }, guest: { name: `Seen ${i}`, phone: '(312) 555-0100' } });
    if (!granted.ok) throw new Error(granted.error.message);
    const id = (granted.value as { id: string }).id;
    for (;;) {
      const unit = await b.core.dispatch('units.get', { unitId: 'north-204' });
      if (unit.ok && (unit.value as { credentials: { id: string }[] }).credentials.some((c) => c.id === id)) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    samples.push(performance.now() - started);
  }
  await a.core.close();
  await b.core.close();
  return [
    { name: `${prefix}.grantToOtherConsole p50`, value: Math.round(percentile(samples, 50)), unit: 'ms' },
    { name: `${prefix}.grantToOtherConsole p95`, value: Math.round(percentile(samples, 95)), unit: 'ms' },
  ];
}
