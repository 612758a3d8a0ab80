import pg from 'pg';
import type { Figure } from './stats';

/*
 * A PostgreSQL cloud holding many communities: `count - 1` more beside the demo's, each a copy
 * of it under another id (its units, doors, lock models and staff), each with a log of its
 * own: `changesEach` changes (revokes of passes it once had) and `credentialsEach` ended
 * credentials. Written straight to the database in a few statements, as an operator's
 * portfolio grown over years, so the figures measured on one community show what sharing the
 * database costs it. Ids: `bench-1` ... `bench-<count - 1>`.
 */
export const benchCommunity = (k: number) => `bench-${k}`;

/** The copied tables, with community_id among their columns. */
const copied = ['lock_models', 'buildings', 'units', 'doors', 'staff'] as const;

export async function addBenchCommunities(databaseUrl: string, from: string, count: number, changesEach: number, credentialsEach: number): Promise<void> {
  if (count <= 1) return;
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const n = count - 1;
    const at = new Date().toISOString();
    await db.query('BEGIN');
    await db.query(
      `INSERT INTO community (id, name, time_zone, phone_region, access_system, guidelines)
       SELECT 'bench-' || k, name || ' ' || k, time_zone, phone_region, access_system, guidelines FROM community, generate_series(1, $2) k WHERE id = $1`,
      [from, n],
    );
    for (const table of copied) {
      const columns = (await db.query<{ name: string }>("SELECT column_name AS name FROM information_schema.columns WHERE table_name = $1 AND column_name <> 'community_id' ORDER BY ordinal_position", [table])).rows.map((r) => r.name);
      const list = columns.map((c) => `"${c}"`).join(', ');
      await db.query(`INSERT INTO ${table} (community_id, ${list}) SELECT 'bench-' || k, ${list} FROM ${table}, generate_series(1, $2) k WHERE community_id = $1`, [from, n]);
    }
    await db.query(
      `INSERT INTO consoles (community_id, id, name, kiosk, token_hash, paired_at)
       SELECT 'bench-' || k, 'console_bench', 'Front desk', false, md5('bench-' || k), now() FROM generate_series(1, $1) k`,
      [n],
    );
    const units = `(SELECT array_agg(id ORDER BY id) AS us FROM units WHERE community_id = $1) u`;
    await db.query(
      `INSERT INTO credentials (community_id, id, unit_id, kind, audience, schedule, guest, origin_console_id, granted_role, granted_at, ended_at, end_reason, ended_by)
       SELECT 'bench-' || k, 'cred_bench_' || i, u.us[1 + i % array_length(u.us, 1)], 'ble', 'guest', '{"type":"permanent"}', json_build_object('name', 'Guest ' || i, 'phone', '+13125550100', 'company', null),
         'console_bench', 'leasing', $3, $3, 'revoked', 'Jordan Lee'
       FROM generate_series(1, $2) k, generate_series(1, $4) i, ${units}`,
      [from, n, at, credentialsEach],
    );
    await db.query(
      `INSERT INTO door_credentials (community_id, door_id, credential_id, slot, position)
       SELECT community_id, 'door-' || unit_id, id, 1, 1 FROM credentials WHERE community_id LIKE 'bench-%'`,
    );
    // Interleaved as many communities' consoles write at once: cursor by cursor, community after community.
    await db.query(
      `INSERT INTO changes (community_id, kind, payload, origin, mutation_id, at, applied_at, actor, audit)
       SELECT 'bench-' || k, 'credential.revoked', json_build_object('credentialId', 'cred_bench_' || i, 'at', $3::text), 'console_bench', NULL, $3, now(),
         '{"id":"jordan","name":"Jordan Lee","role":"leasing"}', json_build_object('action', 'access.revoked', 'summary', 'Revoked Guest ' || i || '''s pass')
       FROM generate_series(1, $2) i, generate_series(1, $1) k ORDER BY i, k`,
      [n, changesEach, at],
    );
    await db.query('COMMIT');
    await db.query('ANALYZE');
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await db.end();
  }
}

/** The growth figures as one table: a row a figure, a column per community count. */
export function printGrowth(figures: Figure[], counts: number[]): void {
  const rows = new Map<string, Map<number, string>>();
  for (const f of figures) {
    const m = /^sync\.postgres\.communities (\d+)\.(.+)$/.exec(f.name);
    if (!m) continue;
    const row = rows.get(m[2]!) ?? new Map<number, string>();
    row.set(Number(m[1]), `${f.value} ${f.unit === 'mutations/s' ? '/s' : f.unit}`);
    rows.set(m[2]!, row);
  }
  if (rows.size === 0) return;
  console.error(`\nPostgreSQL, one database    ${counts.map((c) => `${c} communities`.padEnd(16)).join(' ')}`);
  for (const [name, row] of rows) console.error(`${name.padEnd(27)} ${counts.map((c) => (row.get(c) ?? '-').padEnd(16)).join(' ')}`);
}
