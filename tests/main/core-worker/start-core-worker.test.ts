import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCoreWorker } from '../../../src/main/core-worker/start-core-worker';
import type { Core } from '../../../src/main/core-types';
import { comboUnit, jane, tempDir } from '../../helpers/test-console';

// The TypeScript entry, required through tsx's loader; the app runs the built out/main/core-worker.js.
const entry = `require('tsx/cjs/api').register(); require(${JSON.stringify(path.resolve('src/main/core-worker/worker-entry.ts'))});`;
const loader = { eval: true };

let core: Core | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await core?.close();
  core = undefined;
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

function dataDir(): string {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
}

describe('the core in a worker thread', () => {
  it('answers the contract like the core in-process, a session per window', async () => {
    core = await startCoreWorker({ dataDir: dataDir(), loadDemoWhenEmpty: true }, entry, loader);
    const front = core.connect('front-desk');
    const back = core.connect('back-office');
    expect(await front.dispatch('staff.signIn', { staffId: 'jordan', passcode: '2468' })).toMatchObject({ ok: true, value: { operator: { id: 'jordan' } } });
    expect(await back.dispatch('units.list', {})).toMatchObject({ ok: false, error: { code: 'signed_out' } });
    expect(await front.dispatch('units.list', { limit: 5 })).toMatchObject({ ok: true, value: { total: 336 } });
  });

  it('forwards the core’s events to the main thread', async () => {
    core = await startCoreWorker({ dataDir: dataDir(), loadDemoWhenEmpty: true, operator: { id: 'avery', name: 'Avery Brooks', role: 'admin' } }, entry, loader);
    const heard = new Promise((resolve) => core!.onEvent((event, payload) => resolve({ event, payload })));
    await core.dispatch('access.grant', { unitId: comboUnit, kind: 'pin', guest: jane, schedule: { type: 'permanent' } });
    expect(await heard).toMatchObject({ event: 'data.changed', payload: { topics: expect.arrayContaining(['units']) } });
  });

  it('refuses to start with the reason when the store cannot open', async () => {
    const file = path.join(dataDir(), 'not-a-folder');
    fs.writeFileSync(file, 'x');
    await expect(startCoreWorker({ dataDir: file, loadDemoWhenEmpty: true }, entry, loader)).rejects.toThrow();
  });

  it('answers calls after close with an error envelope, never a hang', async () => {
    core = await startCoreWorker({ dataDir: dataDir(), loadDemoWhenEmpty: true }, entry, loader);
    await core.close();
    const answer = await core.dispatch('session.get', {});
    expect(answer.ok).toBe(false);
    core = undefined;
  });
});
