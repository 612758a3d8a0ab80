import fs from 'node:fs';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { TwilioTextProvider } from '../../src/cloud/texts/twilio-text-provider';
import { freshPostgresDatabase, type TestDatabase } from '../helpers/postgres-database';
import { countByKey, startCountingProvider, type CountingProvider } from './helpers/counting-provider';
import { spawnCloud } from './helpers/spawned-cloud';
import { demoTextKey, grantPayload, startTestCloud, tempDir, type TestCloud, type TestConsole } from './helpers/test-cloud';

/*
 * Each text to a guest goes out once across cloud instances sharing one PostgreSQL database:
 * instances claim texts FOR UPDATE SKIP LOCKED, and a killed instance's claim lapses and is
 * taken over. Counted at a Twilio-like provider that sees which instance sent what.
 */

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const kestrelUnits = (JSON.parse(fs.readFileSync('resources/demo/community.json', 'utf8')) as { buildings: { floors: { units: { id: string; lockModelId: string }[] }[] }[] }).buildings
  .flatMap((b) => b.floors.flatMap((f) => f.units))
  .filter((u) => u.lockModelId === 'kestrel-kb500')
  .map((u) => u.id);

/** Grants on different units with different codes, `from` onwards: each texts its guest once. */
function grants(desk: TestConsole, count: number, from = 0) {
  return Array.from({ length: count }, (_, n) => {
    const i = from + n;
    return desk.mutation('credential.granted', grantPayload({ unitId: kestrelUnits[i]!, pinCode: String(310_000 + i * 7919).slice(0, 6), doors: [{ doorId: `door-${kestrelUnits[i]}`, slot: 1 }] }));
  });
}

async function provider(): Promise<CountingProvider> {
  const p = await startCountingProvider();
  cleanups.push(() => p.close());
  return p;
}

const twilio = (p: CountingProvider, account: string) => ({ baseUrl: p.baseUrl, accountSid: account, authToken: 'token', from: '+13125550100' });

async function instance(database: TestDatabase, p: CountingProvider, account: string): Promise<TestCloud> {
  const cloud = await startTestCloud({ store: 'postgres', database, texts: new TwilioTextProvider(twilio(p, account)) });
  cleanups.push(() => cloud.stop());
  return cloud;
}

async function database(): Promise<TestDatabase> {
  const db = await freshPostgresDatabase();
  cleanups.push(() => db.drop());
  return db;
}

/** The text_status changes in the database, by credential: what every console is told of each text. */
async function textStatuses(url: string): Promise<{ credentialId: string; status: string }[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ credentialId: string; status: string }>(
      `SELECT payload->>'credentialId' AS "credentialId", payload->>'status' AS status FROM changes WHERE kind = 'credential.text_status' ORDER BY cursor`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('texts to guests across cloud instances on one PostgreSQL database', () => {
  it('three instances woken by the same pushes send each text once between them', async () => {
    const db = await database();
    const p = await provider();
    const clouds = [await instance(db, p, 'ACa'), await instance(db, p, 'ACb'), await instance(db, p, 'ACc')];
    const desks = await Promise.all(clouds.map((c, n) => c.pair(`Desk ${n}`)));
    const batches = desks.map((desk, n) => grants(desk, 12, n * 12));
    await Promise.all(desks.map((desk, n) => desk.pushOk(...batches[n]!)));
    const credentialIds = batches.flat().map((m) => String(m.payload.credentialId));
    await until(() => new Set(p.delivered).size === credentialIds.length);
    // Every instance stopped (each waits for a text in flight): nothing more can go out.
    for (const c of clouds) await c.stop();

    expect([...countByKey(p.requests.map((r) => r.key)).values()]).toEqual(credentialIds.map(() => 1));
    expect(new Set(p.delivered)).toEqual(new Set(credentialIds.map((id) => demoTextKey(id))));
    const statuses = await textStatuses(db.url);
    expect(statuses.map((s) => s.credentialId).sort()).toEqual([...credentialIds].sort());
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(['sent']));
  });

  it('an instance SIGKILLed with a text at the provider: the others take its claim over once it lapses, and each text reaches its guest once', async () => {
    const db = await database();
    const p = await provider();
    // Pair a console, then leave the database to the doomed instance alone, so it claims first.
    const first = await startTestCloud({ store: 'postgres', database: db });
    const desk = await first.pair('Front desk');
    await first.stop();
    p.held.add('ACdoomed');
    const dataDir = tempDir();
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const doomed = await spawnCloud(['--data-dir', dataDir, '--store', db.url, '--texts', 'twilio', '--link-base', 'https://access.riverside-commons.com', '--text-claim', '2'], {
      TWILIO_BASE_URL: p.baseUrl,
      TWILIO_ACCOUNT_SID: 'ACdoomed',
      TWILIO_AUTH_TOKEN: 'token',
      TWILIO_FROM: '+13125550100',
    });
    cleanups.push(() => doomed.kill());
    const batch = grants(desk, 30);
    await desk.resumedAt(doomed.url).pushOk(...batch);
    await until(() => p.requests.some((r) => r.account === 'ACdoomed'));

    // Two instances join while the doomed one holds its claim, then it dies mid-send.
    const clouds = [await instance(db, p, 'ACa'), await instance(db, p, 'ACb')];
    await doomed.kill();
    const credentialIds = batch.map((m) => String(m.payload.credentialId));
    await until(() => new Set(p.delivered).size === credentialIds.length);
    for (const c of clouds) await c.stop();

    const inFlightAtKill = p.requests.filter((r) => r.account === 'ACdoomed').map((r) => r.key);
    expect(inFlightAtKill.length).toBeGreaterThan(0);
    // Reached each guest once; the survivors never sent one text twice between them.
    expect([...countByKey(p.delivered).values()]).toEqual(credentialIds.map(() => 1));
    expect([...countByKey(p.requests.filter((r) => r.account !== 'ACdoomed').map((r) => r.key)).values()]).toEqual(credentialIds.map(() => 1));
    // The text the killed instance had at the provider went again, under the same key.
    for (const key of inFlightAtKill) expect(p.delivered).toContain(key);
    const statuses = await textStatuses(db.url);
    expect(statuses.map((s) => s.credentialId).sort()).toEqual([...credentialIds].sort());
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(['sent']));
  });
});
