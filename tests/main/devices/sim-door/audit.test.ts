import { describe, expect, it } from 'vitest';
import { describeDoor, readAudit, setClock, type AuditRecord } from '../../../../src/main/devices/keyprog/commands';
import { pinEntry, rig } from './rig';

type Rig = ReturnType<typeof rig>;

/** The console's side: every record after `after`, page by page, as the driver reads them. */
async function readAll(send: Rig['send'], after = 0, maxRecords = 5) {
  const pages: number[] = [];
  const records: AuditRecord[] = [];
  for (;;) {
    const page = await send(readAudit, { afterRecord: records.at(-1)?.number ?? after, maxRecords });
    if (page.status !== 'ok') throw new Error(page.status);
    pages.push(page.records.length);
    records.push(...page.records);
    if (!page.more) return { pages, records };
  }
}

/** Where record numbers jump: records the door lost before the console read them. */
const gaps = (records: AuditRecord[], after = 0) =>
  records.flatMap((r, i) => {
    const previous = i === 0 ? after : (records[i - 1] as AuditRecord).number;
    return r.number === previous + 1 ? [] : [{ after: previous, next: r.number }];
  });

describe("a door's audit trail", () => {
  it('starts empty', async () => {
    const { send } = rig('arden-kp200');
    expect(await send(readAudit, { afterRecord: 0, maxRecords: 10 })).toEqual({ status: 'ok', records: [], more: false });
    expect(await send(describeDoor)).toMatchObject({ lastAuditRecord: 0 });
  });

  it('records commits, clock sets and uses, numbered one by one, in lock-local time', async () => {
    const { send, program, door, advanceTo } = rig('arden-kp200');
    await send(setClock, { utcSeconds: 1_768_478_400, offsetMinutes: -360, transitions: [] }); // 06:00 in Chicago
    await program([pinEntry(3)]);
    advanceTo('2026-01-15T12:01:00Z');
    door.simulateUse(3);
    door.simulateDenied(3, 'schedule');
    door.simulateDenied(9);
    door.record('door_forced', null);
    const sixAm = 821_772_000; // 2026-01-15T06:00 on the lock's wall clock, seconds since 2000
    expect((await readAll(send)).records).toEqual([
      { number: 1, localTime: sixAm, event: 'clock_set', slot: null },
      { number: 2, localTime: sixAm, event: 'table_committed', slot: null },
      { number: 3, localTime: sixAm + 60, event: 'unlocked_by_credential', slot: 3 },
      { number: 4, localTime: sixAm + 60, event: 'denied_schedule', slot: 3 },
      { number: 5, localTime: sixAm + 60, event: 'denied_credential', slot: 9 },
      { number: 6, localTime: sixAm + 60, event: 'door_forced', slot: null },
    ]);
  });

  it('pages with `more` until the newest record', async () => {
    const { send, door } = rig('kestrel-kb500');
    for (let i = 0; i < 12; i++) door.simulateUse(1);
    const { pages, records } = await readAll(send, 0, 5);
    expect(pages).toEqual([5, 5, 2]);
    expect(records.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(await send(readAudit, { afterRecord: 12, maxRecords: 5 })).toEqual({ status: 'ok', records: [], more: false });
    // A page that ends exactly at the newest record says there is no more.
    expect(await send(readAudit, { afterRecord: 7, maxRecords: 5 })).toMatchObject({ more: false });
  });

  it('shows lost records as a gap in the numbers, which the console can flag', async () => {
    const { send, door } = rig('kestrel-kb500');
    door.simulateUse(1);
    door.simulateUse(1);
    door.inject({ kind: 'audit_gap', skip: 3 });
    door.simulateUse(2);
    door.simulateUse(2);
    const { records } = await readAll(send);
    expect(records.map((r) => r.number)).toEqual([1, 2, 6, 7]);
    expect(gaps(records)).toEqual([{ after: 2, next: 6 }]);
    expect(await send(describeDoor)).toMatchObject({ lastAuditRecord: 7 });
  });

  it('records a low battery, and keeps only its newest 1000 records', async () => {
    const { send, door } = rig('arden-kp200');
    door.inject({ kind: 'low_battery', percent: 12 });
    for (let i = 0; i < 1004; i++) door.simulateUse(1);
    const { records } = await readAll(send, 0, 255);
    expect(records).toHaveLength(1000);
    expect(records[0]?.number).toBe(6);
    // Reading from where the console left off before the oldest were dropped shows the loss as a gap.
    expect(gaps(records, 1)).toEqual([{ after: 1, next: 6 }]);
    expect(await send(readAudit, { afterRecord: 0, maxRecords: 1 })).toMatchObject({ records: [{ number: 6 }] });
  });

  it('records the low battery itself', async () => {
    const { send, door } = rig('arden-kp200');
    door.inject({ kind: 'low_battery' });
    expect(await send(readAudit, { afterRecord: 0, maxRecords: 1 })).toMatchObject({ records: [{ number: 1, event: 'battery_low', slot: null }], more: false });
  });
});
