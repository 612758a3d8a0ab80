import { createHmac, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { proofMessage } from '../src/shared/mutation-proof';
import { percentile, type Figure } from './stats';

/*
 * Sustained load: simulated consoles (HTTP clients speaking the sync API, as a console's
 * outbox relay does) pushing grants and revokes one mutation at a time across several cloud
 * instances on one PostgreSQL database. At the end, what the consoles were told was applied
 * is counted against the database: nothing lost, nothing doubled.
 */

const jordan = { id: 'jordan', name: 'Jordan Lee', role: 'leasing' } as const;

interface LoadInstance {
  url: string;
  createPairingCode(name: string): Promise<{ code: string }>;
}

async function json<T>(url: string, init: RequestInit): Promise<{ status: number; body: T }> {
  const res = await fetch(url, init);
  return { status: res.status, body: (await res.json()) as T };
}

class SimulatedConsole {
  seq = 0;
  private key: { id: string; secret: string } | null = null;
  constructor(
    readonly url: string,
    readonly token: string,
    readonly consoleId: string,
  ) {}

  static async pair(instance: LoadInstance, name: string): Promise<SimulatedConsole> {
    const { code } = await instance.createPairingCode(name);
    const paired = await json<{ token: string; consoleId: string }>(`${instance.url}/v1/consoles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pairingCode: code, name, kiosk: false }) });
    const c = new SimulatedConsole(instance.url, paired.body.token, paired.body.consoleId);
    const session = await json<{ key: { id: string; secret: string } }>(`${instance.url}/v1/staff-sessions`, { method: 'POST', headers: c.headers(), body: JSON.stringify({ staffId: jordan.id, passcode: '2468' }) });
    c.key = session.body.key;
    return c;
  }

  headers(): Record<string, string> {
    return { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' };
  }

  mutation(kind: string, payload: Record<string, unknown>) {
    const m = { mutationId: randomUUID(), seq: ++this.seq, kind, payload, createdAt: new Date().toISOString(), actor: jordan, audit: { action: kind, summary: kind } };
    const message = proofMessage({ mutationId: m.mutationId, seq: m.seq, kind, payload, createdAt: m.createdAt, actorId: jordan.id, consoleId: this.consoleId });
    return { ...m, proof: { keyId: this.key!.id, signature: createHmac('sha256', Buffer.from(this.key!.secret, 'base64url')).update(message).digest('base64url') } };
  }

  /** Pushes one mutation until the cloud answers 200 (a 5xx is pushed again, as a console does); answers its status. */
  async push(m: ReturnType<SimulatedConsole['mutation']>): Promise<string> {
    for (;;) {
      const answer = await json<{ results?: { status: string }[] }>(`${this.url}/v1/mutations`, { method: 'POST', headers: this.headers(), body: JSON.stringify({ mutations: [m] }) });
      if (answer.status === 200) return answer.body.results![0]!.status;
      if (answer.status < 500) throw new Error(`push answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    }
  }
}

function demoUnits(): string[] {
  const file = JSON.parse(fs.readFileSync('resources/demo/community.json', 'utf8')) as { buildings: { floors: { units: { id: string }[] }[] }[] };
  return file.buildings.flatMap((b) => b.floors.flatMap((f) => f.units.map((u) => u.id)));
}

/**
 * `consoles` consoles, spread over `instances` round robin, each granting a Bluetooth pass on a
 * unit of its own and revoking it, for `durationMs`.
 */
export async function sustainedLoad(instances: LoadInstance[], databaseUrl: string, consoles = 50, durationMs = 20_000): Promise<Figure[]> {
  const units = demoUnits();
  const simulated = await Promise.all(Array.from({ length: consoles }, (_, i) => SimulatedConsole.pair(instances[i % instances.length]!, `Load ${i}`)));
  const latencies: number[] = [];
  const accepted: string[] = [];
  let rejected = 0;
  const started = performance.now();
  const stopAt = started + durationMs;
  await Promise.all(
    simulated.map(async (c, i) => {
      const unitId = units[i % units.length]!;
      for (let n = 0; performance.now() < stopAt; n++) {
        const credentialId = `cred_load_${i}_${n}`;
        for (const m of [
          c.mutation('credential.granted', { credentialId, unitId, guest: { id: `guest_load_${i}_${n}`, name: `Load Guest ${n}`, phone: '+13125550100', company: null }, audience: 'guest', kind: 'ble', schedule: { type: 'permanent' }, pinCode: null, doors: [{ doorId: `door-${unitId}`, slot: 1 }], at: new Date().toISOString() }),
          c.mutation('credential.revoked', { credentialId, reason: null, at: new Date().toISOString() }),
        ]) {
          const t = performance.now();
          const status = await c.push(m);
          latencies.push(performance.now() - t);
          if (status === 'accepted') accepted.push(m.mutationId);
          else rejected++;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const [applied, changed] = await Promise.all([
    db.query<{ id: string }>("SELECT mutation_id AS id FROM mutation_results WHERE status = 'accepted' AND mutation_id = ANY($1::text[])", [accepted]),
    db.query<{ id: string; n: number }>('SELECT mutation_id AS id, count(*)::int AS n FROM changes WHERE mutation_id = ANY($1::text[]) GROUP BY mutation_id', [accepted]),
  ]);
  await db.end();
  const lost = accepted.length - applied.rows.length + (accepted.length - changed.rows.length);
  const doubled = changed.rows.filter((r) => r.n > 1).length + (new Set(accepted).size === accepted.length ? 0 : 1);
  return [
    { name: `sync.load ${consoles} consoles x ${instances.length} instances: mutations applied/s`, value: Math.round(accepted.length / seconds), unit: 'mutations/s' },
    { name: 'sync.load push p50', value: Math.round(percentile(latencies, 50)), unit: 'ms' },
    { name: 'sync.load push p99', value: Math.round(percentile(latencies, 99)), unit: 'ms' },
    { name: 'sync.load accepted', value: accepted.length, unit: 'count' },
    { name: 'sync.load rejected', value: rejected, unit: 'count' },
    { name: 'sync.load lost', value: lost, unit: 'count' },
    { name: 'sync.load doubled', value: doubled, unit: 'count' },
  ];
}
