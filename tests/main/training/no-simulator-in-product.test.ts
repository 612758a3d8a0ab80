import { afterEach, describe, expect, it } from 'vitest';
import type { HardwareProvider } from '../../../src/main/hardware/hardware-provider';
import { realHardware } from '../../../src/main/hardware/real-hardware';
import { trainingHardware } from '../../../simulators/training/training-hardware';
import { avery, call, openTestConsole, type TestConsole } from '../../helpers/test-console';

let t: TestConsole | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

/** The product's own hardware, with a way to wait until it has looked for programmers and dongles twice. */
function watchedRealHardware(): { provider: HardwareProvider; listedTwice: Promise<void> } {
  let busListings = 0;
  let dongleListings = 0;
  let done!: () => void;
  const listedTwice = new Promise<void>((resolve) => (done = resolve));
  const check = (): void => {
    if (busListings >= 2 && dongleListings >= 2) done();
  };
  const provider: HardwareProvider = {
    kind: 'real',
    open(env) {
      const links = realHardware.open(env);
      return {
        ...links,
        buses: links.buses.map((bus) => ({
          ...bus,
          list: async () => {
            const found = await bus.list();
            busListings++;
            check();
            return found;
          },
          open: (path: string) => bus.open(path),
        })),
        bluetooth: links.bluetooth && {
          openCentral: links.bluetooth.openCentral,
          listDongles: async () => {
            const found = await links.bluetooth!.listDongles();
            dongleListings++;
            check();
            return found;
          },
        },
      };
    },
  };
  return { provider, listedTwice };
}

describe('a product console with no programmer or dongle plugged in', () => {
  it('never brings up a simulator, refuses the simulator commands, and can mark no door programmed', async () => {
    const { provider, listedTwice } = watchedRealHardware();
    t = openTestConsole(avery, { hardware: provider });
    // The old fallback plugged the simulator in after the first listing found nothing: wait past two.
    await listedTwice;

    const overview = await call(t, 'hardware.overview', {});
    expect(overview.programmers).toEqual([]);
    const bluetooth = await call(t, 'hardware.bluetooth', {});
    expect(bluetooth.dongles).toEqual([]);
    expect(bluetooth.simulatedFloorId).toBeNull();
    expect((await call(t, 'session.get', {})).training).toBe(false);

    // The training section does not exist here, whatever the input.
    const door = overview.pendingDoors[0]!;
    for (const action of [{ action: 'plug' }, { action: 'attach', programmerId: 'sim-hid:PKP1-000001:1', doorId: door.id }, { action: 'ble_walk', floorId: 'north-f2' }] as const)
      expect(await t.core.dispatch('training.simulate', action)).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    // No programmer to program through, by any id a simulator would have had.
    expect(await t.core.dispatch('hardware.program', { programmerId: 'sim-hid:PKP1-000001:1' })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    await listedTwice;
    expect((await call(t, 'hardware.overview', {})).pendingDoors.map((d) => d.id)).toContain(door.id);
    expect(t.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'door.programmed'").pluck().get()).toBe(0);
    expect(t.db.prepare("SELECT count(*) FROM outbox WHERE kind = 'door.programmed'").pluck().get()).toBe(0);
    expect(t.db.prepare("SELECT count(*) FROM door_jobs").pluck().get()).toBe(0);
  });

  it('serves no training command even when a provider that is not training hands over simulator controls', async () => {
    const mislabelled: HardwareProvider = { kind: 'real', open: (env) => trainingHardware.open(env) };
    t = openTestConsole(avery, { hardware: mislabelled });
    expect(await t.core.dispatch('training.simulate', { action: 'plug' })).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    expect((await call(t, 'session.get', {})).training).toBe(false);
    expect(t.db.prepare("SELECT count(*) FROM settings WHERE key = 'store.training'").pluck().get()).toBe(0);
  });
});
