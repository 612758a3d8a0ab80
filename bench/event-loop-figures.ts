import fs from 'node:fs';
import path from 'node:path';
import { createCore } from '../src/main/core';
import { startCoreWorker } from '../src/main/core-worker/start-core-worker';
import type { Core } from '../src/main/core-types';
import type { Figure } from './stats';

const admin = { id: 'avery', name: 'Avery Brooks', role: 'admin' as const };

/** Heavy store work as staff cause it: a vendor code on a whole building, and grid pages. */
async function heavyWork(core: Core): Promise<void> {
  await core.dispatch('access.bulkGrant', {
    target: { scope: 'building', buildingId: 'b02' },
    kind: 'pin',
    audience: 'vendor',
    guest: { name: 'Bench crew', phone: '312-555-0166', company: 'QuickFix Plumbing' },
    schedule: { type: 'permanent' },
  });
  for (let i = 0; i < 40; i++) await core.dispatch('units.list', { search: ['Chen', 'Garcia'][i % 2], offset: i * 10, limit: 100 });
}

/** The main thread's longest event-loop stall while the work runs: what a window would feel. */
async function longestStall(run: () => Promise<void>): Promise<number> {
  // A 5 ms ticker: the longest gap between two ticks is the longest the loop was held.
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  await new Promise((resolve) => setTimeout(resolve, 20));
  await run();
  // Let the loop turn once more, so a stall that lasted to the end is counted too.
  await new Promise((resolve) => setTimeout(resolve, 20));
  clearInterval(ticker);
  return Math.round(longest);
}

/**
 * The Electron main process runs the core in a worker thread; this compares its event loop
 * during heavy work with the core in-process (as the browser host runs it).
 */
export async function eventLoopFigures(freshDataDir: () => string): Promise<Figure[]> {
  const inProcessDir = freshDataDir();
  const inProcess = createCore({ dataDir: inProcessDir, operator: admin });
  const inProcessStall = await longestStall(() => heavyWork(inProcess));
  await inProcess.close();

  const workerDir = freshDataDir();
  const entry = `require('tsx/cjs/api').register(); require(${JSON.stringify(path.resolve('src/main/core-worker/worker-entry.ts'))});`;
  const worker = await startCoreWorker({ dataDir: workerDir, operator: admin }, entry, { eval: true });
  const workerStall = await longestStall(() => heavyWork(worker));
  await worker.close();
  for (const dir of [inProcessDir, workerDir]) fs.rmSync(dir, { recursive: true, force: true });
  return [
    { name: 'main_thread.longest_stall.core_in_process', value: inProcessStall, unit: 'ms' },
    { name: 'main_thread.longest_stall.core_in_worker', value: workerStall, unit: 'ms' },
  ];
}
