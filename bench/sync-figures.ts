import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCloudStore } from '../src/cloud/open-cloud-store';
import { startCloudServer } from '../src/cloud/server';
import { FileTextProvider } from '../src/cloud/texts/file-text-provider';
import { createCore } from '../src/main/core';
import type { Core } from '../src/main/core-types';
import { memorySecretStore } from '../src/main/secrets/memory-secret-store';
import { openDatabase } from '../src/main/store/database';
import { saveSyncSetup } from '../src/main/store/sync-state-repo';
import { pairConsole } from '../src/main/sync/cloud-client';
import type { Figure } from './stats';

const tempDir = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));
const jordan = { id: 'jordan', name: 'Jordan Lee', role: 'leasing' } as const;

/** The token and the audit key in memory: createCore takes a store that answers at once. */
const memorySecrets = memorySecretStore;

type Cloud = Awaited<ReturnType<typeof startCloud>>;

async function startCloud() {
  const dataDir = tempDir('porter-bench-cloud-');
  const store = await openCloudStore({ dataDir, communityFile: path.resolve('resources/demo/community.json') });
  const server = await startCloudServer({ store, texts: new FileTextProvider(path.join(dataDir, 'texts.jsonl')) });
  return {
    store,
    server,
    async close() {
      await server.close();
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A console on the demo community, paired with the cloud, syncing every `intervalMs` (undefined: as shipped). */
async function pairedConsole(cloud: Cloud, name: string, intervalMs: number | undefined = 3_600_000): Promise<{ core: Core; dataDir: string }> {
  const dataDir = tempDir('porter-bench-console-');
  await createCore({ dataDir, loadDemoWhenEmpty: true }).close();
  const { code } = await cloud.store.createPairingCode(name);
  const paired = await pairConsole(cloud.server.url, { pairingCode: code, name, kiosk: false });
  const db = openDatabase({ dataDir });
  saveSyncSetup(db, { url: cloud.server.url, consoleId: paired.consoleId, consoleName: name });
  db.close();
  const secrets = memorySecrets();
  await secrets.set(`cloud-token:${paired.consoleId}`, paired.token);
  return { core: createCore({ dataDir, operator: jordan, secrets, syncIntervalMs: intervalMs }), dataDir };
}

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
async function seedChanges(cloud: Cloud, count: number): Promise<void> {
  const units = demoUnits();
  const at = new Date().toISOString();
  /** Live grants at most: about 3 guests per unit of the demo; then the oldest is revoked. */
  const live = units.length * 3;
  let granted = 0;
  let revoked = 0;
  for (let start = 0; start < count; start += 5_000)
    await cloud.store.transaction(async (tx) => {
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

async function syncNow(core: Core): Promise<void> {
  const answer = await core.dispatch('sync.now', {});
  if (!answer.ok) throw new Error(answer.error.message);
}

/**
 * Sync figures: a pull of 100,000 changes into a console that has none of them, a round that
 * pushes 1,000 queued grants (and takes their settled state back), and the time from a grant
 * on one console to its appearance on another through the cloud with both consoles' engines
 * running as shipped (a round 250 ms after a local change, else waiting on the cloud for news).
 */
export async function syncFigures(changes = 100_000): Promise<Figure[]> {
  const figures: Figure[] = [];
  const cloud = await startCloud();
  try {
    await seedChanges(cloud, changes);
    const reader = await pairedConsole(cloud, 'Reader');
    const started = performance.now();
    await syncNow(reader.core);
    figures.push({ name: `sync.pull${changes}`, value: Math.round(performance.now() - started), unit: 'ms' });
    await reader.core.close();
  } finally {
    await cloud.close();
  }
  // On a cloud of its own, so the round is the push and its own changes back, not the log above.
  const pushCloud = await startCloud();
  try {
    const writer = await pairedConsole(pushCloud, 'Writer');
    await syncNow(writer.core);
    const offline = demoUnits().slice(0, 100);
    // Queued while the engine waits an hour between rounds: the round below sends them all.
    for (let i = 0; i < 1_000; i++)
      await writer.core.dispatch('access.grant', { unitId: offline[i % offline.length]!, kind: 'ble', audience: 'guest', schedule: { type: 'permanent' }, guest: { name: `Queued ${i}`, phone: `(312) 555-${String(i).padStart(4, '0')}` } });
    const started = performance.now();
    await syncNow(writer.core);
    figures.push({ name: 'sync.push1000', value: Math.round(performance.now() - started), unit: 'ms' });
    await writer.core.close();
  } finally {
    await pushCloud.close();
  }
  // On a cloud of its own: after the pull above every unit door's slots are taken.
  const quiet = await startCloud();
  try {
    figures.push(...(await grantToAppearance(quiet)));
  } finally {
    await quiet.close();
  }
  return figures;
}

async function grantToAppearance(cloud: Cloud): Promise<Figure[]> {
  const a = await pairedConsole(cloud, 'Front desk', undefined);
  const b = await pairedConsole(cloud, 'Back office', undefined);
  await Promise.all([syncNow(a.core), syncNow(b.core)]);
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
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
  samples.sort((x, y) => x - y);
  return [
    { name: 'sync.grantToOtherConsole p50', value: Math.round(samples[2]!), unit: 'ms' },
    { name: 'sync.grantToOtherConsole max', value: Math.round(samples[4]!), unit: 'ms' },
  ];
}
