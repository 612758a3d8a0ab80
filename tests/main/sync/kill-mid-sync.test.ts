import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../src/main/core';
import { saveSyncSetup } from '../../../src/main/store/sync-state-repo';
import { openDatabase } from '../../../src/main/store/database';
import { pairConsole } from '../../../src/main/sync/cloud-client';
import { startTestCloud, TestConsole, type TestCloud } from '../../cloud/helpers/test-cloud';
import { memorySecrets, tempDir } from '../../helpers/test-console';

/*
 * The console killed (SIGKILL) in the middle of a push and in the middle of a pull: a proxy
 * between it and the cloud lets the request reach the cloud, then holds the answer while the
 * test kills the console's process. After a restart nothing is lost and nothing is applied twice.
 */

let cloud: TestCloud | undefined;
let proxy: http.Server | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  child?.kill('SIGKILL');
  proxy?.closeAllConnections();
  await new Promise<void>((resolve) => (proxy ? proxy.close(() => resolve()) : resolve()));
  await cloud?.close();
  cloud = proxy = child = undefined;
});

/** Forwards to the cloud; the first request matching `hold` is forwarded, answered by the cloud, and its answer never sent on. */
function holdingProxy(target: string, hold: (req: http.IncomingMessage) => boolean, onHeld: () => void): Promise<string> {
  let held = false;
  proxy = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers = { authorization: req.headers.authorization ?? '', 'content-type': req.headers['content-type'] ?? 'application/json' };
      void fetch(new URL(req.url!, target), { method: req.method, headers, body: req.method === 'GET' ? undefined : Buffer.concat(chunks) }).then(async (answer) => {
        const body = await answer.text();
        if (!held && hold(req)) {
          held = true;
          onHeld(); // the cloud has applied it; the console never hears back
          return;
        }
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(body);
      }, () => res.destroy()); // the cloud went (the test is ending): so does this connection
    });
  });
  return new Promise((resolve) => proxy!.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(proxy!.address() as AddressInfo).port}`)));
}

/** A console's data folder, paired with the cloud through `url`; answers its token and Jordan's key (signed in online). */
async function pairedDataDir(url: string): Promise<{ dataDir: string; token: string; key: string }> {
  const dataDir = tempDir();
  await createCore({ dataDir, loadDemoWhenEmpty: true }).close();
  const { code } = await cloud!.store.createPairingCode('Front desk');
  const paired = await pairConsole(cloud!.url, { pairingCode: code, name: 'Front desk', kiosk: false });
  const db = openDatabase({ dataDir });
  saveSyncSetup(db, { url, consoleId: paired.consoleId, consoleName: 'Front desk' });
  db.close();
  const key = await new TestConsole(cloud!.url, paired.token, paired.consoleId).signInOk('jordan');
  return { dataDir, token: paired.token, key: JSON.stringify(key) };
}

function runChild(dataDir: string, token: string, key: string, what: 'grant' | 'pull'): { lines: string[] } {
  const out = { lines: [] as string[] };
  // Node itself with tsx's loader, not tsx's CLI: the CLI runs the script in a child of its own,
  // which a SIGKILL to the CLI would leave running, so the kill would not be a kill.
  child = spawn(process.execPath, ['--import', 'tsx', 'tests/main/sync/fixtures/sync-child.ts', dataDir, token, key, what], { stdio: ['ignore', 'pipe', 'inherit'] });
  child.stdout!.on('data', (d: Buffer) => out.lines.push(...d.toString().trim().split('\n')));
  return out;
}

const killed = (): Promise<void> =>
  new Promise((resolve) => {
    child!.once('exit', () => resolve());
    child!.kill('SIGKILL');
  });

/** The console started again on its folder, in this process, with a straight line to the cloud. */
async function restart(dataDir: string, token: string, key: string) {
  const secrets = memorySecrets();
  const core = createCore({ dataDir, operator: { id: 'jordan', name: 'Jordan Lee', role: 'leasing' }, secrets, syncIntervalMs: 3_600_000, syncLongPollSeconds: 0 });
  const db = openDatabase({ dataDir });
  const consoleId = db.prepare("SELECT value FROM settings WHERE key = 'sync.console_id'").pluck().get() as string;
  await secrets.set(`cloud-token:${consoleId}`, token);
  await secrets.set(`staff-key:${consoleId}:jordan`, key);
  return { core, db };
}

describe('a console killed mid-sync', () => {
  it('killed after the cloud applied its push: on restart the push is answered as a duplicate, applied once', async () => {
    cloud = await startTestCloud();
    let onHeld!: () => void;
    const heldPush = new Promise<void>((resolve) => (onHeld = resolve));
    const url = await holdingProxy(cloud.url, (req) => req.url === '/v1/mutations', () => onHeld());
    const { dataDir, token, key } = await pairedDataDir(url);
    const out = runChild(dataDir, token, key, 'grant');
    await heldPush;
    await killed();
    expect(out.lines).toContain('syncing');
    expect(out.lines).not.toContain('synced');
    const granted = JSON.parse(out.lines.find((l) => l.startsWith('granted '))!.slice(8)) as { value: { id: string } };

    const { core, db } = await restart(dataDir, token, key);
    try {
      expect(db.prepare("SELECT state FROM outbox WHERE payload_json LIKE ?").pluck().get(`%${granted.value.id}%`)).toBe('pending');
      expect(await core.dispatch('sync.now', {})).toMatchObject({ ok: true, value: { state: 'online', pending: 0 } });
      expect(db.prepare("SELECT json_extract(result_json, '$.status') FROM outbox WHERE payload_json LIKE ?").pluck().get(`%${granted.value.id}%`)).toBe('duplicate');
      const reader = await cloud.pair('Auditor');
      const grants = (await reader.pullAll()).filter((c) => c.kind === 'credential.granted' && c.payload.credentialId === granted.value.id);
      expect(grants).toHaveLength(1);
    } finally {
      db.close();
      await core.close();
    }
  });

  it('killed while a page of changes was on its way: on restart the page is pulled again and applied once', async () => {
    cloud = await startTestCloud();
    const other = await cloud.pair('Back office');
    const credentialId = 'cred_from_the_back_office';
    const doors = [{ doorId: 'door-north-204', slot: 40 }];
    const [pushed] = await other.pushOk(
      other.mutation('credential.granted', {
        credentialId,
        unitId: 'north-204',
        guest: { id: 'guest_pulled_once', name: 'Pulled Once', phone: '+13125550177', company: null },
        audience: 'guest',
        kind: 'pin',
        schedule: { type: 'permanent' },
        pinCode: '480213',
        doors,
        at: new Date().toISOString(),
      }),
    );
    expect(pushed, JSON.stringify(pushed)).toMatchObject({ status: 'accepted' });
    let onHeld!: () => void;
    const heldPull = new Promise<void>((resolve) => (onHeld = resolve));
    const url = await holdingProxy(cloud.url, (req) => req.url!.startsWith('/v1/changes'), () => onHeld());
    const { dataDir, token, key } = await pairedDataDir(url);
    runChild(dataDir, token, key, 'pull');
    await heldPull;
    await killed();

    const { core, db } = await restart(dataDir, token, key);
    try {
      expect(db.prepare('SELECT count(*) FROM credentials WHERE id = ?').pluck().get(credentialId)).toBe(0);
      await core.dispatch('sync.now', {});
      await core.dispatch('sync.now', {});
      expect(db.prepare('SELECT count(*) FROM credentials WHERE id = ?').pluck().get(credentialId)).toBe(1);
      expect(db.prepare("SELECT count(*) FROM audit_log WHERE action = 'sync.received' AND subject_id = ? AND json_extract(details_json, '$.kind') = 'credential.granted'").pluck().get(credentialId)).toBe(1);
    } finally {
      db.close();
      await core.close();
    }
  });
});
