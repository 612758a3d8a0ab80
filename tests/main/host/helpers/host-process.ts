import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../../../helpers/test-console';

export interface HostProcess {
  origin: string;
  port: number;
  token: string;
  dataDir: string;
  /** Never resolves; rejects with the host's last words if its process ends before stop(). */
  died: Promise<never>;
  /** Runs `work`, failing at once with the host's last words if the host dies meanwhile. */
  whileAlive<T>(work: Promise<T>): Promise<T>;
  stop(): Promise<void>;
}

/**
 * Starts tests/main/host/fixtures/host-child.ts on a fresh data folder holding the demo
 * community, with a renderer folder of one page, and waits for its origin and token.
 */
export async function startHostProcess(): Promise<HostProcess> {
  const dataDir = tempDir('porter-host-');
  const rendererDir = tempDir('porter-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Porter</title>');
  // Big enough that a client can go away in the middle of it.
  fs.writeFileSync(path.join(rendererDir, 'big.js'), Buffer.alloc(16 * 1024 * 1024, 0x20));
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/main/host/fixtures/host-child.ts', dataDir, rendererDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  let stopping = false;
  const died = new Promise<never>((_resolve, reject) => {
    child.once('exit', (code, signal) => {
      if (!stopping) reject(new Error(`The host process ended (${signal ?? `exit ${code}`}):\n${stderr}`));
    });
  });
  died.catch(() => undefined); // reported through whileAlive and `died`, not as an unhandled rejection
  const started = await Promise.race([
    new Promise<{ origin: string; token: string }>((resolve) => {
      let out = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const line = out.split('\n').find((l) => l.startsWith('{'));
        if (line) resolve(JSON.parse(line) as { origin: string; token: string });
      });
    }),
    died,
  ]);
  return {
    ...started,
    port: Number(new URL(started.origin).port),
    dataDir,
    died,
    whileAlive: (work) => Promise.race([work, died]),
    async stop() {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(rendererDir, { recursive: true, force: true });
    },
  };
}
