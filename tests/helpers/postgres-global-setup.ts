import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startPostgres, type PostgresServer } from './postgres-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A file the test PostgreSQL's state is written to: its URL once it takes logins, or why it could not start. */
    postgresStateFile: string;
  }
}

/**
 * vitest's globalSetup: one throwaway PostgreSQL for the whole run, started in the background
 * so a run that never asks for it does not wait for it (and at the end, one still starting is
 * stopped at once). Tests reach it through tests/helpers/postgres-database.ts, which waits
 * for the state file.
 */
export default function setup(project: TestProject): () => Promise<void> {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'porter-postgres-state-'));
  const stateFile = path.join(stateDir, 'state.json');
  project.provide('postgresStateFile', stateFile);
  const write = (state: { url: string } | { error: string }) => {
    fs.writeFileSync(`${stateFile}.tmp`, JSON.stringify(state));
    fs.renameSync(`${stateFile}.tmp`, stateFile);
  };
  const starting = new AbortController();
  const started: Promise<PostgresServer | null> = startPostgres(starting.signal).then(
    (server) => {
      write({ url: server.url });
      return server;
    },
    (error: unknown) => {
      write({ error: (error as Error).message });
      return null;
    },
  );
  return async () => {
    starting.abort();
    await (await started)?.stop();
    fs.rmSync(stateDir, { recursive: true, force: true });
  };
}
