import { afterEach, describe, expect, it } from 'vitest';
import type { BluetoothLock, BluetoothOverview } from '../../../src/shared/domain';
import { openHardwareConsole, type HardwareConsole } from '../../helpers/hardware-console';
import { comboUnit, jane } from '../../helpers/test-console';

let t: HardwareConsole | null = null;
afterEach(async () => {
  t?.close();
  t = null;
});

async function untilBluetooth<T>(c: HardwareConsole, probe: (o: BluetoothOverview) => T | null | undefined | false): Promise<T> {
  for (;;) {
    const found = probe(await c.call('hardware.bluetooth', {}));
    if (found) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const unitDoor = (c: HardwareConsole, unitId: string) => c.db.prepare("SELECT id FROM doors WHERE unit_id = ? AND kind = 'unit'").pluck().get(unitId) as string;

describe('Bluetooth locks through the simulated dongle and the real BLE stack', () => {
  it('lists the floor’s locks with signal and battery, programs a pending one, and its pending goes', async () => {
    t = openHardwareConsole();
    const c = t;
    const doorId = unitDoor(c, comboUnit);
    await c.call('access.grant', { unitId: comboUnit, kind: 'pin', audience: 'guest', schedule: { type: 'permanent' }, guest: jane });
    const pending = await untilBluetooth(c, (o) => o.state === 'scanning' && o.locks.find((l) => l.door?.id === doorId && l.pending));
    expect(pending).toMatchObject({ commissioned: true, busy: false, serial: expect.any(String) });
    expect(pending.rssi).toBeLessThan(0);
    const overview = await c.call('hardware.bluetooth', {});
    expect(overview.dongle).toMatchObject({ simulated: true, transport: 'uart' });
    expect(overview.locks.length).toBeGreaterThan(3);

    const job = await c.call('hardware.program', { programmerId: pending.id });
    expect(job.steps.map((s) => s.name)).toEqual(['Connect and authenticate', 'Read the door', 'Stage changes', 'Commit', 'Verify']);
    const done = await untilBluetooth(c, (o) => {
      const lock = o.locks.find((l: BluetoothLock) => l.id === pending.id);
      return lock?.job && lock.job.status !== 'running' ? lock : null;
    });
    expect(done.job).toMatchObject({ status: 'succeeded' });
    // The grid says so too.
    expect((await c.call('units.get', { unitId: comboUnit })).unit).toMatchObject({ doorStatus: 'in_sync', pendingSince: null });
    await untilBluetooth(c, (o) => o.locks.find((l) => l.id === pending.id && !l.pending));
  });
});
