import { spawn, type ChildProcess } from 'node:child_process';

/** The cloud in a process of its own (`npm run cloud`), so a test can SIGKILL it. */
export interface SpawnedCloud {
  child: ChildProcess;
  url: string;
  /** SIGKILL, resolved once the process is gone; also what the test's cleanup calls. */
  kill(): Promise<void>;
}

export async function spawnCloud(args: string[], env: NodeJS.ProcessEnv = {}): Promise<SpawnedCloud> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cloud/main.ts', '--port', '0', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await gone;
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = out.match(/Porter cloud: (http:\/\/\S+)/);
        if (match) resolve(match[1]!);
      });
      child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`the cloud exited (${code}) before listening: ${out}`)));
    });
    return { child, url, kill };
  } catch (error) {
    await kill();
    throw error;
  }
}
