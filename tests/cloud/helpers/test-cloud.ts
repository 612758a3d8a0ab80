import { createHmac, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MutationResult, WireMutation as PushedMutation } from '../../../src/shared/sync';
import { openCloudStore } from '../../../src/cloud/open-cloud-store';
import { startCloudServer, type CloudServer, type CloudServerOptions } from '../../../src/cloud/server';
import type { Change, CloudStore, CommunityStore } from '../../../src/cloud/store/cloud-store';
import { FileTextProvider } from '../../../src/cloud/texts/file-text-provider';
import type { TextProvider } from '../../../src/cloud/texts/text-provider';
import { proofMessage } from '../../../src/shared/mutation-proof';
import { freshPostgresDatabase, type TestDatabase } from '../../helpers/postgres-database';

export const demoCommunityFile = path.resolve('resources/demo/community.json');
/** Its community's id: the community a test cloud starts with. */
export const demoCommunityId = 'riverside-commons';

/** The text provider's idempotency key of a text about one of the demo community's credentials (src/cloud/apply/queue-guest-text.ts). */
export const demoTextKey = (credentialId: string, occasion = 'granted'): string => `${demoCommunityId}/${credentialId}:${occasion}`;

/** The demo community's staff, as a console names them in a mutation's actor. */
export const avery = { id: 'avery', name: 'Avery Brooks', role: 'admin' } as const;
export const jordan = { id: 'jordan', name: 'Jordan Lee', role: 'leasing' } as const;
export const sam = { id: 'sam', name: 'Sam Ortiz', role: 'maintenance' } as const;
export const lobbyKiosk = { id: 'lobby-kiosk', name: 'Lobby kiosk', role: 'kiosk' } as const;
/** Their passcodes in resources/demo/community.json, which the cloud is seeded from. */
export const passcodes: Record<string, string> = { avery: '1357', jordan: '2468', sam: '3579', 'lobby-kiosk': '4680' };
/** Either form a console sends: today's `{ kind, ... }` or older consoles' `{ id, name, role }`. */
type Actor = PushedMutation['actor'];
/** The staff id a proof covers. */
const actorIdOf = (m: PushedMutation): string => ('id' in m.actor ? m.actor.id : '');

/** The stores every behaviour of the cloud is checked on: `describe.each(cloudStores)`. */
export const cloudStores = ['sqlite', 'postgres'] as const;
export type CloudStoreKind = (typeof cloudStores)[number];

export interface TestCloud {
  dataDir: string;
  /** The PostgreSQL database the cloud keeps its store in, or null on SQLite. */
  databaseUrl: string | null;
  /** The whole cloud's store: communities, pairing, the text queue. */
  cloudStore: CloudStore;
  /** The demo community's part of it, which `pair` pairs consoles to. */
  store: CommunityStore;
  server: CloudServer;
  url: string;
  textsFile: string;
  /**
   * Pairs a console through the API with a fresh code. A staff console then signs Avery,
   * Jordan and Sam in online (unless `signIn: false`), so its mutations carry their proofs.
   * `community`: another community the cloud holds than the demo's.
   */
  pair(name?: string, options?: { kiosk?: boolean; signIn?: boolean; community?: string }): Promise<TestConsole>;
  /** Stops the server and closes the store; the data folder stays (see reopen). */
  stop(): Promise<void>;
  /** Stops, then starts again on the same data folder. */
  reopen(): Promise<TestCloud>;
  close(): Promise<void>;
}

export interface TestCloudOptions extends Partial<Pick<CloudServerOptions, 'now' | 'textRetryDelaysMs' | 'log' | 'pinLeaseSize' | 'pullRecheckMs' | 'operatorToken' | 'textClaimMs' | 'links'>> {
  dataDir?: string;
  texts?: TextProvider;
  /** Which store (default SQLite in dataDir); on PostgreSQL a fresh database, dropped at close. */
  store?: CloudStoreKind;
  /** With store 'postgres': this database rather than a fresh one (a reopen, a second instance). */
  database?: TestDatabase;
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'porter-cloud-test-'));
}

/** A real cloud on port 0 over a temporary data folder seeded with the demo community. */
export async function startTestCloud(options: TestCloudOptions = {}): Promise<TestCloud> {
  const dataDir = options.dataDir ?? tempDir();
  const textsFile = path.join(dataDir, 'texts.jsonl');
  const database = options.store === 'postgres' ? (options.database ?? (await freshPostgresDatabase())) : null;
  const cloudStore = await openCloudStore({ dataDir, communityFile: demoCommunityFile, databaseUrl: database?.url ?? null });
  const store = cloudStore.forCommunity(demoCommunityId);
  const server = await startCloudServer({
    store: cloudStore,
    texts: options.texts ?? new FileTextProvider(textsFile),
    ...(options.now ? { now: options.now } : {}),
    ...(options.log ? { log: options.log } : {}),
    ...(options.pullRecheckMs ? { pullRecheckMs: options.pullRecheckMs } : {}),
    ...(options.operatorToken ? { operatorToken: options.operatorToken } : {}),
    ...(options.textClaimMs ? { textClaimMs: options.textClaimMs } : {}),
    ...(options.links ? { links: options.links } : {}),
    textRetryDelaysMs: options.textRetryDelaysMs ?? [1, 1],
    // Small leases keep each test's first lease quick; the lease tests say the size they need.
    pinLeaseSize: options.pinLeaseSize ?? 20,
  });
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await server.close();
    await cloudStore.close();
  };
  const cloud: TestCloud = {
    dataDir,
    databaseUrl: database?.url ?? null,
    cloudStore,
    store,
    server,
    url: server.url,
    textsFile,
    async pair(name = 'Front desk', { kiosk = false, signIn = true, community = demoCommunityId } = {}) {
      const { code } = await cloudStore.forCommunity(community).createPairingCode(name);
      const res = await fetch(`${server.url}/v1/consoles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pairingCode: code, name, kiosk }) });
      if (res.status !== 201) throw new Error(`pairing answered ${res.status}: ${await res.text()}`);
      const body = (await res.json()) as { consoleId: string; token: string };
      const console = new TestConsole(server.url, body.token, body.consoleId);
      if (signIn && !kiosk) for (const staff of [avery, jordan, sam]) await console.signInOk(staff.id);
      return console;
    },
    stop,
    async reopen() {
      await stop();
      return startTestCloud({ ...options, dataDir, ...(database ? { database } : {}) });
    },
    async close() {
      await stop();
      await database?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return cloud;
}

export interface ErrorAnswer {
  error: { code: string; message: string } & Record<string, unknown>;
}

export type PushAnswer = { results?: MutationResult[] } & Partial<ErrorAnswer>;

export interface PullPage {
  changes: Change[];
  next: number;
  more: boolean;
}

/** The answer to POST /v1/pin-leases. */
export interface LeaseAnswer {
  expiresAt: string;
  lengths: { length: number; size: number; codes: string[] }[];
}

export interface StaffKey {
  id: string;
  secret: string;
}

/** A console as the cloud sees it: a token, the staff keys it was given, an outbox seq that only goes up, and its code lease. */
export class TestConsole {
  seq = 0;
  /** By staff id: the keys online sign-ins gave this console. */
  readonly keys = new Map<string, StaffKey>();
  /** Leased codes not used yet, by length. */
  readonly leased = new Map<number, string[]>();
  constructor(
    readonly url: string,
    readonly token: string,
    readonly consoleId: string,
  ) {}

  /** The same console after the cloud restarted at `url`: its token, seq and staff keys. */
  resumedAt(url: string): TestConsole {
    const same = new TestConsole(url, this.token, this.consoleId);
    same.seq = this.seq;
    for (const [staffId, key] of this.keys) same.keys.set(staffId, key);
    return same;
  }

  /** POST /v1/staff-sessions as the console's sign-in screen does; a key answered is kept. */
  async signIn(staffId: string, passcode = passcodes[staffId] ?? '0000'): Promise<{ status: number; body: Record<string, unknown>; retryAfter: string | null }> {
    const res = await fetch(`${this.url}/v1/staff-sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ staffId, passcode }),
    });
    const body = (await res.json()) as Record<string, unknown>;
    if (res.status === 200) this.keys.set(staffId, body.key as StaffKey);
    return { status: res.status, body, retryAfter: res.headers.get('retry-after') };
  }

  async signInOk(staffId: string, passcode?: string): Promise<StaffKey> {
    const answer = await this.signIn(staffId, passcode);
    if (answer.status !== 200) throw new Error(`sign-in answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return this.keys.get(staffId)!;
  }

  /** The proof a real console makes at relay time: HMAC-SHA256 with the actor's key (any proof `m` had is replaced). */
  prove(m: PushedMutation, key: StaffKey | undefined = this.keys.get(actorIdOf(m))): PushedMutation {
    if (!key) return { ...m, proof: undefined };
    const message = proofMessage({ mutationId: m.mutationId, seq: m.seq, kind: m.kind, payload: m.payload, createdAt: m.createdAt, actorId: actorIdOf(m), consoleId: this.consoleId });
    return { ...m, proof: { keyId: key.id, signature: createHmac('sha256', Buffer.from(key.secret, 'base64url')).update(message).digest('base64url') } };
  }

  /** The next mutation of this console's outbox, with the actor's proof when this console holds their key. */
  mutation(kind: string, payload: Record<string, unknown>, actor: Actor = jordan): PushedMutation {
    return this.prove({ mutationId: randomUUID(), seq: ++this.seq, kind, payload, createdAt: new Date().toISOString(), actor, audit: { action: kind, summary: `${kind} by ${JSON.stringify(actor)}` } });
  }

  async push(mutations: readonly PushedMutation[]): Promise<{ status: number; body: PushAnswer }> {
    const res = await fetch(`${this.url}/v1/mutations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ mutations }),
    });
    return { status: res.status, body: (await res.json()) as PushAnswer };
  }

  /** Pushes and answers the results, failing the test on anything but 200. */
  async pushOk(...mutations: PushedMutation[]): Promise<MutationResult[]> {
    const { status, body } = await this.push(mutations);
    if (status !== 200 || !body.results) throw new Error(`push answered ${status}: ${JSON.stringify(body)}`);
    return body.results;
  }

  async pull(after = 0, limit?: number, wait?: number): Promise<PullPage> {
    const query = new URLSearchParams({ after: String(after), ...(limit ? { limit: String(limit) } : {}), ...(wait ? { wait: String(wait) } : {}) });
    const res = await fetch(`${this.url}/v1/changes?${query}`, { headers: { authorization: `Bearer ${this.token}` } });
    if (res.status !== 200) throw new Error(`pull answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as PullPage;
  }

  /** POST /v1/pin-leases with the codes this console still holds; keeps the answer. */
  async lease(held: string[] = [...this.leased.values()].flat()): Promise<{ status: number; body: LeaseAnswer & Partial<ErrorAnswer> }> {
    const res = await fetch(`${this.url}/v1/pin-leases`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ held }),
    });
    const body = (await res.json()) as LeaseAnswer & Partial<ErrorAnswer>;
    if (res.status === 200) for (const l of body.lengths) this.leased.set(l.length, [...l.codes]);
    return { status: res.status, body };
  }

  /** A code of this console's lease for a grant (leasing more when none is left). */
  async leasedCode(length = 6): Promise<string> {
    if (!this.leased.get(length)?.length) await this.lease();
    const code = this.leased.get(length)?.shift();
    if (!code) throw new Error(`the cloud leased no ${length}-digit code`);
    return code;
  }

  async pullAll(after = 0): Promise<Change[]> {
    const all: Change[] = [];
    for (let page = await this.pull(after); ; page = await this.pull(page.next)) {
      all.push(...page.changes);
      if (!page.more) return all;
    }
  }
}

let guestNumber = 0;

/** A credential.granted payload for North Tower 702 (a Kestrel keypad: 6 to 8 digits, no Enter key) by default. */
export interface GrantFixture extends Record<string, unknown> {
  credentialId: string;
  guest: { id: string; name: string; phone: string; company: string | null };
  doors: { doorId: string; slot: number }[];
}

export function grantPayload(overrides: Record<string, unknown> = {}): GrantFixture {
  guestNumber++;
  return {
    credentialId: `cred_${randomUUID()}`,
    unitId: 'north-702',
    guest: { id: `guest_${randomUUID()}`, name: `Dana Guest ${guestNumber}`, phone: `+1312555${String(1000 + guestNumber).slice(-4)}`, company: null },
    audience: 'guest',
    kind: 'pin',
    schedule: { type: 'permanent' },
    pinCode: '482913',
    doors: [
      { doorId: 'door-north-702', slot: 1 },
      { doorId: 'north-entrance', slot: 1 },
      { doorId: 'garage-gate', slot: 1 },
    ],
    at: new Date().toISOString(),
    ...overrides,
  } as GrantFixture;
}

/** The changes without the cloud's text_status ones, which arrive as texts go out. */
export function withoutTextStatus(changes: readonly Change[]): Change[] {
  return changes.filter((c) => c.kind !== 'credential.text_status');
}

/** A door.programmed payload: a change that texts nobody, for tests of the log itself. */
export function programmedPayload(version: number, doorId = 'north-entrance'): Record<string, unknown> {
  return { doorId, version, checksum: 0x5eed0000 + version, at: new Date().toISOString() };
}

/** Lines of texts.jsonl, as the file provider wrote them. */
export function readTexts(file: string): { id: string; to: string; body: string; idempotencyKey: string }[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}
