import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { trainingHardware } from '../../../simulators/training/training-hardware';
import { createCore, openCore } from '../../../src/main/core';
import { saveSyncSetup } from '../../../src/main/store/sync-state-repo';
import { consoleMode } from '../../../src/main/training/console-mode';
import { openHardwareConsole, type HardwareConsole } from '../../helpers/hardware-console';
import { avery, call, demoStore, memorySecrets, openTestConsole, tempDir, type TestConsole } from '../../helpers/test-console';

const consoles: (TestConsole | HardwareConsole)[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const c of consoles.splice(0)) await c.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('a training console', () => {
  it('cannot be paired with a cloud, and says why; no sync engine runs even with a keychain', async () => {
    const t = openTestConsole(avery, { hardware: trainingHardware, secrets: memorySecrets() });
    consoles.push(t);
    expect((await call(t, 'session.get', {})).training).toBe(true);
    const answer = await t.core.dispatch('sync.setUp', { url: 'http://127.0.0.1:9', pairingCode: 'ABCD-EFGH-JKLM', name: 'Front desk', kiosk: false });
    expect(answer).toMatchObject({ ok: false, error: { code: 'not_allowed', message: expect.stringContaining('training console') } });
    expect(await call(t, 'sync.status', {})).toMatchObject({ state: 'not_set_up', cloudUrl: null });
    expect(t.db.prepare("SELECT count(*) FROM settings WHERE key LIKE 'sync.%'").pluck().get()).toBe(0);
  });

  // The faults themselves are rehearsed in tests/main/hardware (door-faults, bluetooth-locks), all through training.simulate.
  it('serves the simulator commands: the technician walks to another floor and its locks come in range', async () => {
    const t = openHardwareConsole();
    consoles.push(t);
    expect((await t.programmer()).simulated).toBe(true);
    const answer = await t.call('training.simulate', { action: 'ble_walk', floorId: 'north-f3' });
    expect(answer.programmers.length).toBeGreaterThan(0);
    expect((await t.call('hardware.bluetooth', {})).simulatedFloorId).toBe('north-f3');
  });

  it('marks its store as training; a product console refuses that folder, and training refuses a paired one', async () => {
    const trainingDir = tempDir();
    dirs.push(trainingDir);
    await createCore({ dataDir: trainingDir, loadDemoWhenEmpty: true, hardware: trainingHardware }).close();
    expect(() => createCore({ dataDir: trainingDir, hardware: 'real' })).toThrow(/belongs to training mode/);

    const pairedDir = tempDir();
    dirs.push(pairedDir);
    const db = demoStore(pairedDir);
    saveSyncSetup(db, { url: 'https://cloud.example', consoleId: 'console-1', consoleName: 'Front desk' });
    db.close();
    expect(() => createCore({ dataDir: pairedDir, hardware: trainingHardware })).toThrow(/paired with a cloud/);
  });

  it('is loaded only on demand: createCore refuses the name, openCore loads it', async () => {
    const dir = tempDir();
    dirs.push(dir);
    expect(() => createCore({ dataDir: dir, loadDemoWhenEmpty: true, hardware: 'training' })).toThrow(/openCore/);
    const core = await openCore({ dataDir: dir, loadDemoWhenEmpty: true, hardware: 'training', operator: avery });
    try {
      const session = await core.dispatch('session.get', {});
      expect(session).toMatchObject({ ok: true, value: { training: true } });
    } finally {
      await core.close();
    }
  });
});

describe('which console a host starts', () => {
  it('training on its own folder when asked, for a scale community, and on a fresh machine; the real console otherwise', () => {
    const dir = tempDir();
    dirs.push(dir);
    expect(consoleMode({ dataDir: dir, training: true })).toEqual({ training: true, dataDir: path.join(dir, 'training'), note: null });
    expect(consoleMode({ dataDir: dir, training: false, demoScale: 500 })).toMatchObject({ training: true, dataDir: path.join(dir, 'training', 'scale-500') });
    // Fresh: no store and no community file, so the demo opens in training, and the log says why.
    expect(consoleMode({ dataDir: dir, training: false })).toMatchObject({ training: true, dataDir: path.join(dir, 'training'), note: expect.stringContaining('--community') });
    expect(consoleMode({ dataDir: dir, training: false, communityFile: '/tmp/community.json' })).toEqual({ training: false, dataDir: dir, note: null });
    demoStore(dir).close();
    expect(consoleMode({ dataDir: dir, training: false })).toEqual({ training: false, dataDir: dir, note: null });
    expect(consoleMode({ dataDir: dir, training: true }).dataDir).toBe(path.join(dir, 'training'));
  });
});
