import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';
import { inject } from 'vitest';

/** The run's PostgreSQL (tests/helpers/postgres-global-setup.ts) once it takes logins. */
async function serverUrl(): Promise<string> {
  const stateFile = inject('postgresStateFile');
  if (!stateFile) throw new Error('The test PostgreSQL is started by vitest.config.ts (globalSetup): run the test through vitest.');
  while (!fs.existsSync(stateFile)) await delay(25);
  const state = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as { url: string } | { error: string };
  if ('error' in state) throw new Error(`The test PostgreSQL could not start: ${state.error}`);
  return state.url;
}

export interface TestDatabase {
  url: string;
  /** Drops the database (closing whatever still holds a connection to it). */
  drop(): Promise<void>;
}

/** A new, empty database on the run's PostgreSQL, for one test's cloud store. */
export async function freshPostgresDatabase(): Promise<TestDatabase> {
  const url = await serverUrl();
  const name = `porter_${randomUUID().replaceAll('-', '')}`;
  await asAdmin(url, `CREATE DATABASE ${name} STRATEGY FILE_COPY`);
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  return { url: dbUrl.toString(), drop: () => asAdmin(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function asAdmin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
