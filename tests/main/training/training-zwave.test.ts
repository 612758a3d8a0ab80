import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { trainingHardware } from '../../../simulators/training/training-hardware';
import { createCore } from '../../../src/main/core';
import type { Core } from '../../../src/main/core-types';
import type { CommandInput, CommandName, CommandOutput } from '../../../src/shared/contract';
import type { LiveNetworkOverview } from '../../../src/shared/domain';
import { avery, demoStore, tempDir } from '../../helpers/test-console';

const dirs: string[] = [];
const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** The demo with only its first `count` Z-Wave unit doors kept Z-Wave: each simulated lock is interviewed once, which takes seconds. */
function trainingFolder(count: number): string {
  const dir = tempDir();
  dirs.push(dir);
  const db = demoStore(dir);
  db.prepare(
    `UPDATE doors SET lock_model_id = 'kestrel-kb500' WHERE lock_model_id = 'halden-zw300'
     AND id NOT IN (SELECT id FROM doors WHERE lock_model_id = 'halden-zw300' ORDER BY unit_id LIMIT ?)`,
  ).run(count);
  db.close();
  return dir;
}

function startTraining(dataDir: string) {
  const core = createCore({ dataDir, loadDemoWhenEmpty: true, operator: avery, hardware: trainingHardware, syncIntervalMs: 3_600_000, syncLongPollSeconds: 0 });
  cores.push(core);
  const call = async <C extends CommandName>(command: C, input: CommandInput<C>): Promise<CommandOutput<C>> => {
    const answer = await core.dispatch(command, input);
    if (!answer.ok) throw new Error(`${command}: ${answer.error.message}`);
    return answer.value as CommandOutput<C>;
  };
  const until = async (probe: (o: LiveNetworkOverview) => boolean): Promise<LiveNetworkOverview> => {
    for (;;) {
      const o = await call('hardware.liveLocks', {});
      if (probe(o)) return o;
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const stop = async (): Promise<void> => {
    cores.splice(cores.indexOf(core), 1);
    await core.close();
  };
  return { call, until, stop };
}

const zwaveDoors = ['garden-102', 'garden-103'];

describe('training’s simulated Z-Wave locks', () => {
  it('are on their unit doors from the first start, take the doors’ codes once the stick is plugged in, and the stick stays where the trainee left it', async () => {
    const dir = trainingFolder(zwaveDoors.length);
    const first = startTraining(dir);
    // First start: the doors are the Z-Wave locks' (off the technician's round), the stick is not plugged in.
    for (const unitId of zwaveDoors) expect((await first.call('units.get', { unitId })).unit.doorStatus).toBe('never_programmed');
    expect((await first.call('training.zwave', {})).plugged).toBe(false);
    const activity = JSON.stringify(await first.call('activity.list', { limit: 50, action: 'door.lock_assigned' }));
    expect(activity).toContain('Training fitted 2 simulated Z-Wave locks to their doors');

    await first.call('training.simulate', { action: 'zwave_plug' });
    const inSync = (o: LiveNetworkOverview) => o.state === 'ready' && o.locks.length === zwaveDoors.length && o.locks.every((l) => l.sync === 'in_sync');
    const ready = await first.until(inSync);
    expect(ready.locks.map((l) => l.door?.name)).toEqual(['Garden Court 102', 'Garden Court 103']);
    for (const unitId of zwaveDoors) expect((await first.call('units.get', { unitId })).unit.doorStatus).toBe('in_sync');
    await first.stop();

    // The next start: the stick is still in its port and the locks are on the same doors, fitted once.
    const next = startTraining(dir);
    expect((await next.call('training.zwave', {})).plugged).toBe(true);
    const again = await next.until(inSync);
    expect(again.locks.map((l) => l.door?.name)).toEqual(['Garden Court 102', 'Garden Court 103']);
    expect(JSON.stringify(await next.call('activity.list', { limit: 50, action: 'door.lock_assigned' })).match(/Training fitted/g)).toHaveLength(1);

    // Unplugged by the trainee, it starts unplugged.
    await next.call('training.simulate', { action: 'zwave_unplug' });
    await next.stop();
    const last = startTraining(dir);
    expect((await last.call('training.zwave', {})).plugged).toBe(false);
  });
});
