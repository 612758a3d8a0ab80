import { describe, expect, it } from 'vitest';
import { tableChecksum } from '../../../../src/main/devices/keyprog/credential-table';
import { bleEntry, pinEntry } from '../sim-door/rig';
import { lockRig } from './ble-rig';

const changesFromEmpty = (entries: ReturnType<typeof pinEntry>[]) => ({
  fullRewrite: true,
  baseChecksum: 0,
  targetChecksum: tableChecksum(entries),
  puts: entries,
  deletes: [],
});

describe('the key-programmer driver over a Bluetooth session', () => {
  it.each([23, 185, 247])('programs a table and reads its checksum back at MTU %i', async (mtu) => {
    const { driver, door } = lockRig({ mtu });
    const lock = await driver();
    const table = [pinEntry(1, '123456'), bleEntry(2), pinEntry(7, '7654321')];
    const steps: string[] = [];
    await lock.program(changesFromEmpty(table), (step, done, total) => steps.push(`${step} ${done}/${total}`), new AbortController().signal);
    expect(steps).toEqual(['stage 0/3', 'stage 3/3', 'commit 0/1', 'commit 1/1']);
    expect(await lock.readChecksum(new AbortController().signal)).toBe(tableChecksum(table));
    expect(door.entries()).toEqual(table);
    await lock.close();
  });

  it('identifies as the lock itself and describes its door', async () => {
    const lock = await lockRig().driver();
    const signal = new AbortController().signal;
    expect(await lock.identify(signal)).toMatchObject({ model: 'kestrel-kb500', serial: 'KB5-004217' });
    expect(await lock.describeDoor(signal)).toMatchObject({ kind: 'lock', serial: 'KB5-004217', capabilities: { slots: 100 } });
    await lock.close();
  });

  it('sets the clock and reads the audit trail in pages', async () => {
    const { driver, door } = lockRig();
    for (let i = 0; i < 450; i++) door.simulateUse(1 + (i % 5));
    const lock = await driver();
    const signal = new AbortController().signal;
    await lock.setClock('America/Chicago', new Date('2026-01-15T12:00:00Z'), signal);
    expect(door.describe()).toMatchObject({ clock: { offsetMinutes: -360 } });
    const records = await lock.readAudit(0, signal);
    expect(records).toHaveLength(451); // 450 openings and clock_set
    expect(records.map((r) => r.number)).toEqual(Array.from({ length: 451 }, (_, i) => i + 1));
    expect(records.at(-1)).toMatchObject({ event: 'clock_set', slot: null });
    await lock.close();
  });

  it('carries the largest STAGE_PUT there is at the smallest MTU', async () => {
    const { driver, door } = lockRig({ modelId: 'kestrel-pr1', mtu: 23 });
    const table = Array.from({ length: 1200 }, (_, i) => pinEntry(i + 1, String(10_000_000 + i)));
    const lock = await driver();
    await lock.program(changesFromEmpty(table), () => undefined, new AbortController().signal);
    expect(door.tableState).toMatchObject({ checksum: tableChecksum(table), usedSlots: 1200 });
    await lock.close();
  });
});
