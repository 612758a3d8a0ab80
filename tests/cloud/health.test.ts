import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { rawExec } from './helpers/raw-store';
import { cloudStores, startTestCloud, type TestCloud } from './helpers/test-cloud';

/* What a load balancer asks an instance: is the process up (GET /healthz), may it take requests (GET /readyz). */

let cloud: TestCloud | undefined;
afterEach(async () => {
  await cloud?.close();
  cloud = undefined;
});

async function get(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${cloud!.url}${path}`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Runs one statement on the server's maintenance database: what an operator does to the cloud's database from outside. */
async function onServer(databaseUrl: string, sql: string): Promise<void> {
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe.each(cloudStores)('health and readiness, on %s', (store) => {
  it('answer 200 without a token while the process is up and the store answers with its migrations applied', async () => {
    cloud = await startTestCloud({ store });
    expect(await get('/healthz')).toEqual({ status: 200, body: { status: 'up' } });
    expect(await get('/readyz')).toEqual({ status: 200, body: { status: 'ready' } });
  });

  it('readiness answers 503 naming the migration the store lacks, while the process stays healthy', async () => {
    cloud = await startTestCloud({ store });
    await rawExec(cloud, 'DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)');
    const answer = await get('/readyz');
    expect(answer.status).toBe(503);
    expect(answer.body).toEqual({ status: 'not_ready', reason: expect.stringMatching(/^The database lacks migration \d+\.$/) });
    expect((await get('/healthz')).status).toBe(200);
  });
});

describe('readiness on PostgreSQL', () => {
  it('turns 503 while the database refuses connections, and back to 200 once it takes them again', async () => {
    cloud = await startTestCloud({ store: 'postgres' });
    const name = new URL(cloud.databaseUrl!).pathname.slice(1);
    expect((await get('/readyz')).status).toBe(200);
    await onServer(cloud.databaseUrl!, `ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
    await onServer(cloud.databaseUrl!, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`);
    const gone = await get('/readyz');
    expect(gone).toEqual({ status: 503, body: { status: 'not_ready', reason: expect.stringMatching(/^The database (does not answer|did not answer)/) } });
    expect((await get('/healthz')).status).toBe(200);
    await onServer(cloud.databaseUrl!, `ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
    let back = await get('/readyz');
    // The pool replaces its dropped connections on the next checks.
    while (back.status !== 200) back = await get('/readyz');
    expect(back).toEqual({ status: 200, body: { status: 'ready' } });
  });
});
