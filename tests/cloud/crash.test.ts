import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runCloudCli } from '../../src/cloud/cli';
import { silentLog } from '../../src/cloud/cloud-log';
import { defaultTextClaimMs } from '../../src/cloud/texts/text-delivery';
import { TwilioTextProvider } from '../../src/cloud/texts/twilio-text-provider';
import { freshPostgresDatabase, type TestDatabase } from '../helpers/postgres-database';
import { countRows, writerInTransaction, type StoreLocation } from './helpers/raw-store';
import { spawnCloud, type SpawnedCloud } from './helpers/spawned-cloud';
import { cloudStores, demoTextKey, grantPayload, programmedPayload, sam, startTestCloud, tempDir, TestConsole, withoutTextStatus, type CloudStoreKind } from './helpers/test-cloud';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A data folder and, on PostgreSQL, a fresh database: where a spawned cloud keeps its store; both go at the end of the test. */
async function storeFor(store: CloudStoreKind): Promise<StoreLocation & { database?: TestDatabase; args: string[] }> {
  const dataDir = tempDir();
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  if (store === 'sqlite') return { dataDir, databaseUrl: null, args: ['--data-dir', dataDir] };
  const database = await freshPostgresDatabase();
  cleanups.push(() => database.drop());
  return { dataDir, databaseUrl: database.url, database, args: ['--data-dir', dataDir, '--store', database.url] };
}

/** The cloud in a process of its own (`npm run cloud`), killed at the end of the test if the test has not. */
async function spawned(args: string[], env: NodeJS.ProcessEnv = {}): Promise<SpawnedCloud> {
  const cloud = await spawnCloud(args, env);
  cleanups.push(() => cloud.kill());
  return cloud;
}

async function pairWithCli(url: string, storeArgs: string[]): Promise<TestConsole> {
  const lines: string[] = [];
  await runCloudCli([...storeArgs, '--pair', 'Front desk'], {}, (line) => lines.push(line), silentLog);
  const code = lines[0]!.split(': ')[1]!;
  const res = await fetch(`${url}/v1/consoles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pairingCode: code, name: 'Front desk', kiosk: false }) });
  const body = (await res.json()) as { token: string; consoleId: string };
  const desk = new TestConsole(url, body.token, body.consoleId);
  // Jordan and Sam sign in online, so their mutations carry proofs.
  for (const staffId of ['jordan', 'sam']) await desk.signInOk(staffId);
  return desk;
}

const kestrelUnits = (JSON.parse(fs.readFileSync('resources/demo/community.json', 'utf8')) as { buildings: { floors: { units: { id: string; lockModelId: string }[] }[] }[] }).buildings
  .flatMap((b) => b.floors.flatMap((f) => f.units))
  .filter((u) => u.lockModelId === 'kestrel-kb500')
  .map((u) => u.id);

describe.each(cloudStores)('the cloud killed mid-request, on %s', (store) => {
  it('SIGKILL in the middle of a push: none of the batch was applied, and after a restart it is applied exactly once', async () => {
    const where = await storeFor(store);
    const first = await spawned(where.args);
    const desk = await pairWithCli(first.url, where.args);
    const batch = Array.from({ length: 200 }, (_, i) =>
      i % 2 === 0
        ? desk.mutation('credential.granted', grantPayload({ unitId: kestrelUnits[i / 2]!, pinCode: String(310_000 + i * 7919).slice(0, 6), doors: [{ doorId: `door-${kestrelUnits[i / 2]}`, slot: 1 }] }))
        : desk.mutation('door.programmed', programmedPayload(i), sam),
    );
    // Watch the cloud's store from outside and kill it while the batch's transaction is open.
    let answered = false;
    const push = desk
      .push(batch)
      .catch((error: unknown) => error)
      .finally(() => {
        answered = true;
      });
    while (!(await writerInTransaction(where)) && !answered) await new Promise((resolve) => setImmediate(resolve));
    await first.kill();
    expect(await push).toBeInstanceOf(Error);
    // The batch is one transaction: killed before its commit, none of it is there (counted on a
    // fresh connection, which would see a commit whose frames reached SQLite's WAL before the kill).
    const appliedBeforeKill = await countRows(where, 'mutation_results');
    expect(appliedBeforeKill).toBe(0);
    expect(await countRows(where, 'changes')).toBe(0);

    const cloud = await startTestCloud({ dataDir: where.dataDir, store, ...(where.database ? { database: where.database } : {}) });
    cleanups.push(() => cloud.stop());
    const again = desk.resumedAt(cloud.url);
    const results = await again.pushOk(...batch);
    expect(results.filter((r) => r.status === 'duplicate')).toHaveLength(appliedBeforeKill);
    expect(results.filter((r) => r.status === 'accepted')).toHaveLength(200 - appliedBeforeKill);
    const changes = withoutTextStatus(await again.pullAll());
    expect(changes.map((c) => c.mutationId)).toEqual(batch.map((m) => m.mutationId));
  });

  it('SIGKILL while a text is with the provider: the restarted cloud sends it again under the same Idempotency-Key', async () => {
    const keys: string[] = [];
    let answer = false;
    const fake = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        keys.push(String(req.headers['idempotency-key']));
        // The first time the provider holds the request open, as the cloud is killed.
        if (answer) res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ sid: `SM${keys.length}` }));
      });
    });
    await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => fake.close(() => resolve())));
    fake.on('connection', (socket) => cleanups.push(() => void socket.destroy()));
    const twilio = { baseUrl: `http://127.0.0.1:${(fake.address() as AddressInfo).port}`, accountSid: 'AC1', authToken: 'token', from: '+13125550100' };

    const where = await storeFor(store);
    const first = await spawned([...where.args, '--texts', 'twilio', '--link-base', 'https://access.riverside-commons.com'], { TWILIO_BASE_URL: twilio.baseUrl, TWILIO_ACCOUNT_SID: 'AC1', TWILIO_AUTH_TOKEN: 'token', TWILIO_FROM: twilio.from });
    const desk = await pairWithCli(first.url, where.args);
    const grant = grantPayload();
    await desk.pushOk(desk.mutation('credential.granted', grant));
    while (keys.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await first.kill();

    answer = true;
    // The killed cloud's claim on the text (PostgreSQL: so no other instance sends it meanwhile)
    // lapses after --text-claim; the restarted cloud's clock starts past it, as if restarted later.
    const pastTheClaim = defaultTextClaimMs + 60_000;
    const cloud = await startTestCloud({
      dataDir: where.dataDir,
      store,
      ...(where.database ? { database: where.database } : {}),
      texts: new TwilioTextProvider(twilio),
      now: () => new Date(Date.now() + pastTheClaim),
    });
    cleanups.push(() => cloud.stop());
    await cloud.server.textsSettled();
    expect(keys).toEqual([demoTextKey(grant.credentialId), demoTextKey(grant.credentialId)]);
    const statuses = (await new TestConsole(cloud.url, desk.token, desk.consoleId).pullAll()).filter((c) => c.kind === 'credential.text_status');
    expect(statuses.map((c) => c.payload.status)).toEqual(['sent']);
  });
});
