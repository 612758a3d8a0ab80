import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import pg from 'pg';
import { openCloudStore } from '../../../src/cloud/open-cloud-store';
import type { CloudStore, CommunityStore } from '../../../src/cloud/store/cloud-store';
import { freshPostgresDatabase, type TestDatabase } from '../../helpers/postgres-database';
import { startCountingProvider, type CountingProvider } from './counting-provider';
import { spawnCloud, type SpawnedCloud } from './spawned-cloud';
import { avery, demoCommunityFile, demoCommunityId, jordan, sam, tempDir, TestConsole } from './test-cloud';

/*
 * Several cloud instances as an operator runs them: each its own process (`npm run cloud`,
 * so a kill is a real SIGKILL, with whatever it was doing left half done) over one fresh
 * PostgreSQL database, behind a small load balancer that sends each request to a random
 * live instance. Seeded: the balancer's choices come from the test's random source.
 */

export interface ClusterInstance {
  /** The running process, or null while the instance is down. */
  process: SpawnedCloud | null;
  /** A start under way (the process takes seconds to listen), or null. */
  starting: Promise<void> | null;
  /** Each start of this instance is a "run" with a Twilio account of its own, so the provider can tell who sent what. */
  run: number;
  dataDir: string;
}

export interface CloudCluster {
  /** The load balancer's address: what consoles are set up with. */
  url: string;
  databaseUrl: string;
  /** The demo community, read and written straight in the database (pairing codes, as an operator makes them). */
  store: CommunityStore;
  instances: ClusterInstance[];
  /** The text provider every instance sends through; accounts are `AC<instance>r<run>`. */
  provider: CountingProvider;
  /** Accounts (runs) that were killed: a text they had with the provider may be sent again by whoever takes it over. */
  killed: Set<string>;
  /** Pairs a console through the balancer; a staff console signs Avery, Jordan and Sam in online. */
  pair(name: string): Promise<TestConsole>;
  /**
   * Arms a kill: the instance that receives the next push is SIGKILLed, either as soon as the
   * push is handed to it (its transaction may or may not have committed; the console is
   * answered 502) or once a text it claimed is with the provider. Never the last live instance.
   */
  killNextPush(): void;
  /** Starts an instance that is down again (a new run) while the others go on serving; the balancer sends it requests once it listens. */
  restartInBackground(index: number): void;
  /** Every instance up again: restarts under way finished, and any still down started. */
  restartAll(): Promise<void>;
  /** Resolves once the outbox of texts holds nothing pending (claims of killed runs lapse after `textClaimSeconds`). */
  textsSettled(): Promise<void>;
  close(): Promise<void>;
}

export async function startCloudCluster(options: { size: number; random: () => number; textClaimSeconds: number }): Promise<CloudCluster> {
  const { random } = options;
  const database: TestDatabase = await freshPostgresDatabase();
  const provider = await startCountingProvider();
  const killed = new Set<string>();
  const instances: ClusterInstance[] = Array.from({ length: options.size }, () => ({ process: null, starting: null, run: 0, dataDir: tempDir() }));
  const account = (index: number, run: number) => `AC${index}r${run}`;

  const start = (index: number): Promise<void> => {
    const instance = instances[index]!;
    instance.starting ??= spawn(index).finally(() => (instance.starting = null));
    return instance.starting;
  };
  const spawn = async (index: number): Promise<void> => {
    const instance = instances[index]!;
    instance.run++;
    instance.process = await spawnCloud(['--data-dir', instance.dataDir, '--store', database.url, '--texts', 'twilio', '--link-base', 'https://access.riverside-commons.com', '--text-claim', String(options.textClaimSeconds)], {
      TWILIO_BASE_URL: provider.baseUrl,
      TWILIO_ACCOUNT_SID: account(index, instance.run),
      TWILIO_AUTH_TOKEN: 'token',
      TWILIO_FROM: '+13125550100',
    });
  };
  const kill = async (index: number): Promise<void> => {
    const instance = instances[index]!;
    const process = instance.process;
    if (!process) return;
    instance.process = null;
    killed.add(account(index, instance.run));
    await process.kill();
  };

  // All at once on the empty database, as an operator's deploy does: one of them seeds the demo community.
  await Promise.all(instances.map((_, index) => start(index)));
  const storeDir = tempDir();
  const cloudStore: CloudStore = await openCloudStore({ dataDir: storeDir, communityFile: demoCommunityFile, databaseUrl: database.url });
  const store = cloudStore.forCommunity(demoCommunityId);

  // The load balancer. A request to an instance that dies under it is answered 502, as a
  // real balancer does; the console keeps its outbox and tries again on its next sync.
  let killArmed = false;
  /** Kills so far: they alternate between mid-push and mid-text, so a run with two kills has both. */
  let kills = 0;
  const sockets = new Set<Socket>();
  const balancer = http.createServer((req, res) => {
    const live = instances.map((instance, index) => ({ instance, index })).filter((x) => x.instance.process);
    const { instance, index } = live[Math.floor(random() * live.length)]!;
    const target = new URL(req.url ?? '/', instance.process!.url);
    const killThis = killArmed && req.method === 'POST' && target.pathname === '/v1/mutations' && live.length > 1;
    if (killThis) killArmed = false;
    const upstream = http.request(target, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    const badGateway = () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'bad_gateway', message: 'The instance went away.' } }));
      else res.destroy();
    };
    upstream.on('error', badGateway);
    if (killThis) {
      // Kills alternate: mid-push (the push is with the instance: kill it before it can answer),
      // then mid-text: the provider holds the instance's texts unanswered and the kill comes once
      // one is with it (or soon, for a push that texts nobody), so another instance has to
      // take that text over when the claim lapses.
      const midText = kills++ % 2 === 1;
      const sender = account(index, instance.run);
      if (midText) provider.held.add(sender);
      upstream.on('finish', () => {
        if (!midText) return void kill(index);
        const since = Date.now();
        const watch = setInterval(() => {
          if (provider.requests.some((r) => r.account === sender) || Date.now() - since > 3_000) {
            clearInterval(watch);
            void kill(index);
          }
        }, 20);
      });
    }
    req.pipe(upstream);
  });
  balancer.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => balancer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(balancer.address() as AddressInfo).port}`;

  return {
    url,
    databaseUrl: database.url,
    store,
    instances,
    provider,
    killed,
    async pair(name) {
      const { code } = await store.createPairingCode(name);
      const res = await fetch(`${url}/v1/consoles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pairingCode: code, name, kiosk: false }) });
      if (res.status !== 201) throw new Error(`pairing answered ${res.status}: ${await res.text()}`);
      const body = (await res.json()) as { consoleId: string; token: string };
      const console = new TestConsole(url, body.token, body.consoleId);
      for (const staff of [avery, jordan, sam]) await console.signInOk(staff.id);
      return console;
    },
    killNextPush() {
      killArmed = true;
    },
    restartInBackground(index) {
      // A failed start shows at restartAll, which starts the instance again and fails there if it cannot.
      if (!instances[index]!.process) start(index).catch(() => undefined);
    },
    async restartAll() {
      for (const [index, instance] of instances.entries()) {
        await instance.starting?.catch(() => undefined);
        if (!instance.process) await start(index);
      }
    },
    async textsSettled() {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        for (;;) {
          const { rows } = await client.query("SELECT count(*)::int AS n FROM text_outbox WHERE state = 'pending'");
          if (rows[0].n === 0) return;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      } finally {
        await client.end();
      }
    },
    async close() {
      for (const [index, instance] of instances.entries()) {
        await instance.starting?.catch(() => undefined);
        await kill(index);
      }
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => balancer.close(() => resolve()));
      await cloudStore.close();
      await provider.close();
      await database.drop();
      for (const dir of [storeDir, ...instances.map((i) => i.dataDir)]) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

