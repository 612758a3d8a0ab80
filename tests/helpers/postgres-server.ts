import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/*
 * A real PostgreSQL 15 from Debian's package (apt `postgresql`) for the tests: a fresh data
 * folder in a temporary directory, a free port on 127.0.0.1, its unix socket in that same
 * directory, trust authentication for the local user `porter`. PostgreSQL refuses to run as
 * root, and tests and CI run as root: then initdb and the server run as the `postgres` system
 * user the package made, and the folder belongs to it.
 */

/** Debian's PostgreSQL 15 (bookworm's), else the newest major version installed, else PORTER_POSTGRES_BIN. */
export const postgresBin = process.env.PORTER_POSTGRES_BIN ?? debianPostgresBin();

function debianPostgresBin(): string {
  const root = '/usr/lib/postgresql';
  if (fs.existsSync(`${root}/15/bin/initdb`)) return `${root}/15/bin`;
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => /^\d+$/.test(v) && Number(v) >= 15 && fs.existsSync(`${root}/${v}/bin/initdb`)) : [];
  const newest = versions.sort((x, y) => Number(y) - Number(x))[0];
  return `${root}/${newest ?? '15'}/bin`;
}

export interface PostgresServer {
  /** postgres://porter@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  dir: string;
  stop(): Promise<void>;
}

/** The uid and gid to run PostgreSQL as: the `postgres` user when we are root, else ourselves. */
function runAs(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error('PostgreSQL will not run as root and there is no `postgres` user: install Debian\'s package (apt-get install postgresql).');
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function run(command: string, args: string[], user: { uid: number; gid: number } | null, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...(user ?? {}), cwd: os.tmpdir(), stdio: ['ignore', 'pipe', 'pipe'], ...(signal ? { signal } : {}) });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d));
    child.stderr.on('data', (d: Buffer) => (output += d));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} exited ${code}:\n${output}`))));
  });
}

/** Resolves once the server accepts connections on its port; rejects if it exits first. */
function accepting(child: ChildProcess, port: number, log: () => string, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    let done = false;
    signal?.addEventListener('abort', () => finish(new Error('stopped before it took logins')), { once: true });
    const onExit = (code: number | null) => finish(new Error(`postgres exited ${code} while starting:\n${log()}`));
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    };
    child.once('exit', onExit);
    const attempt = () => {
      if (done) return;
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        // The port is open a moment before the server takes logins: the log says when it does.
        if (/ready to accept connections/.test(log())) finish();
        else setTimeout(attempt, 25);
      });
      socket.once('error', () => setTimeout(attempt, 25));
    };
    attempt();
  });
}

/**
 * Starts a throwaway PostgreSQL; `stop()` shuts it down and removes its folder. Aborting
 * `signal` while it starts stops it at once and removes the folder (the start rejects).
 */
export async function startPostgres(signal?: AbortSignal): Promise<PostgresServer> {
  const initdb = path.join(postgresBin, 'initdb');
  if (!fs.existsSync(initdb)) throw new Error(`No PostgreSQL at ${postgresBin}: install Debian's package (apt-get install postgresql).`);
  const user = runAs();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'porter-postgres-'));
  if (user) fs.chownSync(dir, user.uid, user.gid);
  const data = path.join(dir, 'data');
  try {
    await run(initdb, ['-D', data, '-U', 'porter', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions'], user, signal);
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const port = await freePort();
  if (signal?.aborted) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error('stopped before it took logins');
  }
  // No durability for throwaway data: fsync and synchronous commit off make tests quicker.
  const settings = ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${dir}`, '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'];
  const child = spawn(path.join(postgresBin, 'postgres'), ['-D', data, '-p', String(port), ...settings], { ...(user ?? {}), cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (d: Buffer) => (log += d));
  child.stderr!.on('data', (d: Buffer) => (log += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    // SIGINT: PostgreSQL's fast shutdown (rolls back open transactions, closes sessions).
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
    await exited;
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await accepting(child, port, () => log, signal);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `postgres://porter@127.0.0.1:${port}/postgres`, port, dir, stop };
}
