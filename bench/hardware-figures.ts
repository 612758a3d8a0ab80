import type { LockModel } from '../src/shared/domain';
import { openKeyProgrammer } from '../src/main/devices/drivers/open-key-programmer';
import { tableChecksum, type TableEntry } from '../src/main/devices/keyprog/credential-table';
import { SimDoor } from '../simulators/devices/sim-door';
import { SimHidBus } from '../simulators/devices/sim-hid-bus';
import { SimHidDevice } from '../simulators/devices/sim-hid-device';
import type { SimHidLink } from '../simulators/devices/sim-hid-link';
import { SimKeyProgrammer } from '../simulators/devices/sim-key-programmer';
import type { Figure } from './stats';

export const reader: LockModel = {
  id: 'kestrel-pr1',
  maker: 'Kestrel',
  name: 'PR-1 Perimeter reader',
  role: 'reader',
  capabilities: { credentialKinds: ['pin', 'ble'], pinLength: { min: 6, max: 8 }, slots: 2000, scheduleKinds: ['week_day', 'year_day', 'one_time'], hasEnterKey: true },
};

/** 250 PIN codes as a building's entrance reader holds them: a mix of permanent, temporary and recurring. */
export function pinEntries(count: number): TableEntry[] {
  return Array.from({ length: count }, (_, i): TableEntry => {
    const pin = String(100000 + i * 37).padStart(6, '0');
    const kind = i % 3;
    const user =
      kind === 0
        ? { userType: 'unrestricted_user' as const, weekDaySchedules: [], yearDaySchedules: [] }
        : kind === 1
          ? { userType: 'year_day_schedule_user' as const, weekDaySchedules: [], yearDaySchedules: [{ localStartTime: 849_000_000 + i, localEndTime: 850_000_000 + i }] }
          : { userType: 'week_day_schedule_user' as const, weekDaySchedules: [{ daysMask: 0b0111110, startHour: 8, startMinute: 0, endHour: 17, endMinute: 30 }], yearDaySchedules: [] };
    return { slot: i + 1, kind: 'pin', pin, user };
  });
}

/**
 * Programming 250 PIN codes onto a door through the simulated key-programmer, the whole path
 * (driver, session, framing, paced USB full-speed link: one 64-byte report per 1 ms frame each
 * way). The door's own flash time is set to zero here so the figure is the link's: the ratio
 * is the time against every report on the wire at one per frame (each exchange waits for its
 * answer, so the two directions do not overlap).
 */
export async function hardwareFigures(): Promise<Figure[]> {
  const bus = new SimHidBus();
  const programmer = new SimKeyProgrammer({ writeMsPerEntry: 0 });
  programmer.attach(new SimDoor({ model: reader, serial: 'BENCH-1' }));
  const device = bus.attach(new SimHidDevice({ handler: programmer.handle }));
  const link = (await bus.open(device.info.path)) as SimHidLink;
  const driver = await openKeyProgrammer(link, 'bench');
  const entries = pinEntries(250);
  const changes = { fullRewrite: true, baseChecksum: 0, targetChecksum: tableChecksum(entries), puts: entries, deletes: [] };
  // One run to warm the JIT, then the median of five, each counted on the wire.
  const runs: { ms: number; reports: number; bytes: number }[] = [];
  for (let i = 0; i < 6; i++) {
    const before = link.stats();
    const started = performance.now();
    await driver.program(changes, () => undefined, AbortSignal.timeout(60_000));
    const ms = performance.now() - started;
    const after = link.stats();
    const reports = after.toDevice.reports - before.toDevice.reports + after.toHost.reports - before.toHost.reports;
    const bytes = after.toDevice.bytes - before.toDevice.bytes + after.toHost.bytes - before.toHost.bytes;
    if (i > 0) runs.push({ ms, reports, bytes });
  }
  await driver.close();
  const { ms, reports, bytes } = runs.sort((a, b) => a.ms - b.ms)[2]!;
  return [
    { name: 'keyprog.program250.time', value: Math.round(ms), unit: 'ms' },
    { name: 'keyprog.program250.bytes', value: bytes, unit: 'bytes' },
    { name: 'keyprog.program250.reports', value: reports, unit: 'count' },
    { name: 'keyprog.program250.linkLimit', value: reports, unit: 'ms' },
    { name: 'keyprog.program250.ratioToLimit', value: Math.round((ms / reports) * 100) / 100, unit: 'x' },
  ];
}
