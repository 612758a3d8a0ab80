import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCloudStore } from '../src/cloud/open-cloud-store';
import { startCloudServer } from '../src/cloud/server';
import { FileTextProvider } from '../src/cloud/texts/file-text-provider';
import { createCore } from '../src/main/core';
import { scaleCommunityFile } from '../src/main/demo/scale-community';
import { openDatabase } from '../src/main/store/database';
import { pairConsole } from '../src/main/sync/cloud-client';
import { CommunityFile } from '../src/shared/community-file';
import type { Schedule } from '../src/shared/domain';
import { freshScaleDataDir } from './scale-data';
import type { Figure } from './stats';

const lobbyKiosk = { id: 'lobby-kiosk', name: 'Lobby kiosk', role: 'kiosk' } as const;
/** The lobby whose kiosk is measured: one building of the generated community (500 units). */
const lobbyBuilding = 'b01';

const localDate = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/**
 * How many PIN codes a lobby kiosk draws in a busy week, which is what its code lease must
 * hold to last a week offline. The generated community gives each unit the kiosk's types
 * (the guidelines' kioskTypes) a few times over (live and ended credentials); a busy week is
 * all of those granted again, in one week, at the lobby kiosk of their building. Each goes
 * through the kiosk's real grant (guidelines, doors, PIN length); the figure is the codes it
 * drew, by length.
 */
async function kioskWeek(units: number): Promise<Figure[]> {
  const dataDir = freshScaleDataDir(units);
  const seeded = openDatabase({ dataDir });
  const kioskTypes = (JSON.parse(seeded.prepare('SELECT guidelines_json FROM community').pluck().get() as string) as { kioskTypes: Schedule['type'][] }).kioskTypes;
  const week = seeded
    .prepare(
      `SELECT c.unit_id AS unitId, c.access_type AS type, c.kind FROM credentials c JOIN units u ON u.id = c.unit_id
       WHERE u.building_id = ? AND c.access_type IN (SELECT value FROM json_each(?)) ORDER BY c.rowid`,
    )
    .all(lobbyBuilding, JSON.stringify(kioskTypes)) as { unitId: string; type: 'temporary' | 'delivery'; kind: 'pin' | 'ble' }[];
  await seeded.close();

  const core = createCore({ dataDir, operator: lobbyKiosk, kiosk: true });
  let refused = 0;
  for (const [i, g] of week.entries()) {
    const day = i % 7;
    const schedule = g.type === 'delivery' ? { type: 'delivery' as const } : { type: 'temporary' as const, starts: `${localDate(day + 1)}T09:00`, ends: `${localDate(day + 3)}T17:00` };
    const answer = await core.dispatch('access.grant', { unitId: g.unitId, kind: g.kind, audience: 'guest', schedule, guest: { name: `Visitor ${i}`, phone: `(312) 555-${String(i % 10_000).padStart(4, '0')}` } });
    if (!answer.ok) refused++;
  }
  await core.close();
  const db = openDatabase({ dataDir });
  const drawn = db.prepare('SELECT length(pin_code) AS length, count(*) AS n FROM credentials WHERE created_by = ? AND pin_code IS NOT NULL GROUP BY 1 ORDER BY 1').all(lobbyKiosk.name) as { length: number; n: number }[];
  db.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return [
    { name: 'lease.kioskBusyWeek.grants', value: week.length, unit: 'count' },
    { name: 'lease.kioskBusyWeek.refused', value: refused, unit: 'count' },
    ...drawn.map((d) => ({ name: `lease.kioskBusyWeek.codes${d.length}`, value: d.n, unit: 'count' })),
  ];
}

/**
 * How long the cloud takes to fill a console's first lease (2,000 codes of each length) while
 * it holds every live code of the generated community: each candidate is looked up among the
 * live and leased codes, prefixes included.
 */
async function leaseFill(units: number): Promise<Figure[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'porter-bench-lease-'));
  const communityFile = path.join(dataDir, 'community.json');
  const demo = CommunityFile.parse(JSON.parse(fs.readFileSync('resources/demo/community.json', 'utf8')));
  fs.writeFileSync(communityFile, JSON.stringify(scaleCommunityFile(units, demo)));
  const store = await openCloudStore({ dataDir, communityFile });
  const server = await startCloudServer({ store, texts: new FileTextProvider(path.join(dataDir, 'texts.jsonl')) });
  try {
    const community = store.forCommunity(demo.community.id);
    const { code } = await community.createPairingCode('Seed');
    const seedConsole = await pairConsole(server.url, { pairingCode: code, name: 'Seed', kiosk: false });
    // The generated community's live codes, as the cloud would hold them.
    const scaleDir = freshScaleDataDir(units);
    const scale = openDatabase({ dataDir: scaleDir });
    const live = scale.prepare("SELECT id, unit_id AS unitId, pin_code AS pinCode FROM credentials WHERE ended_at IS NULL AND pin_code IS NOT NULL").all() as { id: string; unitId: string; pinCode: string }[];
    const doorsOf = scale.prepare('SELECT door_id AS doorId, slot FROM door_credentials WHERE credential_id = ? AND removed_at IS NULL');
    const rows = live.map((c) => ({ ...c, doors: doorsOf.all(c.id) as { doorId: string; slot: number }[] }));
    await scale.close();
    fs.rmSync(scaleDir, { recursive: true, force: true });
    const at = new Date().toISOString();
    await community.transaction(async (tx) => {
      for (const c of rows)
        await tx.insertCredential({ id: c.id, unitId: c.unitId, kind: 'pin', audience: 'guest', schedule: { type: 'permanent' }, guest: { id: `g-${c.id}`, name: 'Guest', phone: '+13125550100', company: null }, pinCode: c.pinCode, blePass: null, endsAt: null, originConsoleId: seedConsole.consoleId, grantedRole: 'leasing', grantedAt: at, replaces: null, visitId: null, doors: c.doors });
    });
    const kiosk = await community.createPairingCode('Lobby', { kiosk: true });
    const lobby = await pairConsole(server.url, { pairingCode: kiosk.code, name: 'Lobby', kiosk: true });
    const started = performance.now();
    const res = await fetch(`${server.url}/v1/pin-leases`, { method: 'POST', headers: { authorization: `Bearer ${lobby.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ held: [] }) });
    const lease = (await res.json()) as { lengths: { length: number; codes: string[] }[] };
    const ms = performance.now() - started;
    return [
      { name: 'lease.cloudLiveCodes', value: rows.length, unit: 'count' },
      { name: 'lease.firstLease', value: Math.round(ms), unit: 'ms' },
      { name: 'lease.firstLease.codes', value: lease.lengths.reduce((n, l) => n + l.codes.length, 0), unit: 'count' },
    ];
  } finally {
    await server.close();
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `npm run bench -- --lease`: what a kiosk's code lease must hold, and what filling one costs the cloud. */
export async function leaseFigures(units: number): Promise<Figure[]> {
  return [...(await kioskWeek(units)), ...(await leaseFill(units))];
}
