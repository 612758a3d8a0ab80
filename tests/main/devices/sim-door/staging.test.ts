import { describe, expect, it } from 'vitest';
import { abortStage, commit, describeDoor, readChecksum, stageBegin, stageDelete, stagePut } from '../../../../src/main/devices/keyprog/commands';
import { tableChecksum, type TableEntry } from '../../../../src/main/devices/keyprog/credential-table';
import { bleEntry, pinEntry, rig, unrestricted } from './rig';

const weekDay = { daysMask: 0x3e, startHour: 9, startMinute: 0, endHour: 17, endMinute: 0 };
const yearDay = { localStartTime: 826_795_800, localEndTime: 826_999_200 };

describe('staging and committing a table', () => {
  it('stages, commits and verifies a table, then changes it slot by slot', async () => {
    const { send, program, door } = rig('arden-kp200');
    const first = [pinEntry(1, '1357'), pinEntry(2, '24680135', { userType: 'year_day_schedule_user', weekDaySchedules: [], yearDaySchedules: [yearDay] }), pinEntry(3)];

    expect(await send(describeDoor)).toMatchObject({ status: 'ok', kind: 'lock', modelId: 'arden-kp200', table: { version: 0, checksum: 0, usedSlots: 0 } });
    expect(await program(first)).toEqual({ status: 'ok', version: 1, checksum: tableChecksum(first) });
    expect(await send(readChecksum)).toEqual({ status: 'ok', version: 1, checksum: tableChecksum(first), usedSlots: 3 });
    expect(door.entries()).toEqual(first);

    // Slot 2 revoked, slot 3 rescheduled, slot 4 new: only those travel.
    const changed = pinEntry(3, undefined, { userType: 'week_day_schedule_user', weekDaySchedules: [weekDay], yearDaySchedules: [] });
    const second = [first[0] as TableEntry, changed, pinEntry(4)];
    expect(await send(stageBegin, { baseChecksum: tableChecksum(first), fromEmpty: false })).toEqual({ status: 'ok' });
    expect(await send(stageDelete, { slots: [2] })).toEqual({ status: 'ok' });
    expect(await send(stagePut, { entries: [changed, pinEntry(4)] })).toEqual({ status: 'ok' });
    expect(await send(commit, { expectedChecksum: tableChecksum(second) })).toEqual({ status: 'ok', version: 2, checksum: tableChecksum(second) });
    expect(door.entries()).toEqual(second);
  });

  it('rewrites a whole table from empty, whatever the door held', async () => {
    const { program, door } = rig('kestrel-kb500', { table: [pinEntry(7), pinEntry(8)] });
    const fresh = [bleEntry(1), pinEntry(2)];
    expect(await program(fresh)).toMatchObject({ status: 'ok', checksum: tableChecksum(fresh) });
    expect(door.entries()).toEqual(fresh);
  });

  it('refuses to stage on a base that is not the door table (someone else programmed it)', async () => {
    const { send, door } = rig('arden-kp200', { table: [pinEntry(7)] });
    expect(await send(stageBegin, { baseChecksum: 0, fromEmpty: false })).toEqual({ status: 'checksum_mismatch' });
    expect(await send(stagePut, { entries: [pinEntry(1)] })).toEqual({ status: 'not_staged' });
    expect(door.entries()).toEqual([pinEntry(7)]);
  });

  it('answers not_staged without a stage, and closes the stage at commit', async () => {
    const { send, program } = rig('arden-kp200');
    expect(await send(stagePut, { entries: [pinEntry(1)] })).toEqual({ status: 'not_staged' });
    expect(await send(stageDelete, { slots: [1] })).toEqual({ status: 'not_staged' });
    expect(await send(commit, { expectedChecksum: 0 })).toEqual({ status: 'not_staged' });
    expect(await program([pinEntry(1)])).toMatchObject({ status: 'ok' });
    expect(await send(commit, { expectedChecksum: tableChecksum([pinEntry(1)]) })).toEqual({ status: 'not_staged' });
  });

  it('drops the stage on ABORT_STAGE, and answers ok without one', async () => {
    const { send, door } = rig('arden-kp200');
    await send(stageBegin, { baseChecksum: 0, fromEmpty: true });
    await send(stagePut, { entries: [pinEntry(1)] });
    expect(await send(abortStage)).toEqual({ status: 'ok' });
    expect(await send(commit, { expectedChecksum: tableChecksum([pinEntry(1)]) })).toEqual({ status: 'not_staged' });
    expect(await send(abortStage)).toEqual({ status: 'ok' });
    expect(door.tableState).toEqual({ version: 0, checksum: 0, usedSlots: 0 });
  });

  it('keeps the old table, and the stage, when the commit checksum is not the stage', async () => {
    const { send, program, door } = rig('arden-kp200');
    const old = [pinEntry(1)];
    await program(old);
    await send(stageBegin, { baseChecksum: tableChecksum(old), fromEmpty: false });
    await send(stagePut, { entries: [pinEntry(2)] });
    // The console believes slot 3 went too (a lost STAGE_PUT): its checksum says so.
    expect(await send(commit, { expectedChecksum: tableChecksum([pinEntry(1), pinEntry(2), pinEntry(3)]) })).toEqual({ status: 'checksum_mismatch' });
    expect(await send(readChecksum)).toEqual({ status: 'ok', version: 1, checksum: tableChecksum(old), usedSlots: 1 });
    expect(door.entries()).toEqual(old);
    await send(stagePut, { entries: [pinEntry(3)] });
    expect(await send(commit, { expectedChecksum: tableChecksum([pinEntry(1), pinEntry(2), pinEntry(3)]) })).toMatchObject({ status: 'ok', version: 2 });
  });
});

describe('entries a door refuses leave the old table', () => {
  /** Programs `old`, then tries `batch` on top: the refusal, and the table after a commit attempt. */
  async function tryBatch(modelId: Parameters<typeof rig>[0], batch: TableEntry[]) {
    const { send, program, door } = rig(modelId);
    const old = [modelId === 'arden-bt10' ? bleEntry(1) : pinEntry(1, '24681357')];
    await program(old);
    await send(stageBegin, { baseChecksum: tableChecksum(old), fromEmpty: false });
    const refusal = await send(stagePut, { entries: batch });
    const commitAfter = await send(commit, { expectedChecksum: tableChecksum([...old, ...batch.filter((e) => e.slot !== 1)]) });
    return { refusal, commitAfter, table: door.entries(), old };
  }

  it('refuses a slot beyond the lock (no_free_slot), naming it', async () => {
    const { refusal, commitAfter, table, old } = await tryBatch('arden-kp200', [pinEntry(2), pinEntry(51)]);
    expect(refusal).toEqual({ status: 'no_free_slot', slot: 51 });
    expect(commitAfter).toEqual({ status: 'checksum_mismatch' }); // slot 2 was not staged either: all or nothing
    expect(table).toEqual(old);
    expect((await tryBatch('arden-kp200', [pinEntry(0)])).refusal).toEqual({ status: 'no_free_slot', slot: 0 });
  });

  it("refuses a PIN outside the lock's lengths", async () => {
    expect((await tryBatch('arden-kp200', [pinEntry(2, '123')])).refusal).toEqual({ status: 'pin_length', slot: 2 });
    expect((await tryBatch('arden-kp200', [pinEntry(2, '123456789')])).refusal).toEqual({ status: 'pin_length', slot: 2 });
    expect((await tryBatch('kestrel-kb500', [pinEntry(3, '12345')])).refusal).toEqual({ status: 'pin_length', slot: 3 });
  });

  it('refuses a credential kind the lock cannot read', async () => {
    expect((await tryBatch('arden-kp200', [bleEntry(2)])).refusal).toEqual({ status: 'kind_unsupported', slot: 2 });
    const { refusal, table, old } = await tryBatch('arden-bt10', [pinEntry(2, '123456')]);
    expect(refusal).toEqual({ status: 'kind_unsupported', slot: 2 });
    expect(table).toEqual(old);
  });

  it('refuses a schedule kind or count the lock cannot hold', async () => {
    const weekDayUser = { userType: 'week_day_schedule_user' as const, weekDaySchedules: [weekDay], yearDaySchedules: [] };
    expect((await tryBatch('arden-bt10', [bleEntry(2, weekDayUser)])).refusal).toEqual({ status: 'schedule_unsupported', slot: 2 });
    const delivery = { userType: 'disposable_user' as const, weekDaySchedules: [], yearDaySchedules: [yearDay] };
    expect((await tryBatch('arden-kp200', [pinEntry(2, '2468', delivery)])).refusal).toEqual({ status: 'schedule_unsupported', slot: 2 });
    const threeWindows = { ...weekDayUser, weekDaySchedules: [weekDay, weekDay, weekDay] };
    const { refusal, table, old } = await tryBatch('arden-kp200', [pinEntry(2, '2468', threeWindows)]);
    expect(refusal).toEqual({ status: 'schedule_unsupported', slot: 2 });
    expect(table).toEqual(old);
    // The same delivery the KP-200 refused, a KB-500 holds (it has one-time schedules).
    expect((await tryBatch('kestrel-kb500', [pinEntry(2, '246813', delivery)])).refusal).toEqual({ status: 'ok' });
  });

  it('refuses every write on a low battery, and takes them again once it is replaced', async () => {
    const { send, program, door } = rig('arden-kp200');
    const old = [pinEntry(1)];
    await program(old);
    const next = [pinEntry(1), pinEntry(2)];
    await send(stageBegin, { baseChecksum: tableChecksum(old), fromEmpty: false });
    await send(stagePut, { entries: [pinEntry(2)] });
    door.inject({ kind: 'low_battery' });
    expect(await send(describeDoor)).toMatchObject({ batteryPercent: 9 });
    expect(await send(commit, { expectedChecksum: tableChecksum(next) })).toEqual({ status: 'battery_low' });
    expect(await send(stagePut, { entries: [pinEntry(3)] })).toEqual({ status: 'battery_low' });
    expect(await send(stageBegin, { baseChecksum: tableChecksum(old), fromEmpty: false })).toEqual({ status: 'battery_low' });
    expect(door.entries()).toEqual(old);
    door.clearFault('low_battery');
    expect(await send(commit, { expectedChecksum: tableChecksum(next) })).toMatchObject({ status: 'ok', version: 2 });
  });

  it('refuses writes just under 15 % and takes them at 15 %', async () => {
    expect(await rig('arden-kp200', { batteryPercent: 14 }).program([pinEntry(1)])).toEqual({ status: 'battery_low' });
    expect(await rig('arden-kp200', { batteryPercent: 15 }).program([pinEntry(1)])).toMatchObject({ status: 'ok' });
  });

  it('refuses new slots on a full lock, but replaces and frees slots', async () => {
    const { send, program, door } = rig('arden-kp200');
    const old = [pinEntry(1), pinEntry(2)];
    await program(old);
    door.inject({ kind: 'full_lock' });
    await send(stageBegin, { baseChecksum: tableChecksum(old), fromEmpty: false });
    expect(await send(stagePut, { entries: [pinEntry(3)] })).toEqual({ status: 'no_free_slot', slot: 3 });
    expect(await send(stagePut, { entries: [pinEntry(1, '97531')] })).toEqual({ status: 'ok' });
    await send(stageDelete, { slots: [2] });
    expect(await send(stagePut, { entries: [pinEntry(3)] })).toEqual({ status: 'ok' });
    expect(await send(commit, { expectedChecksum: tableChecksum([pinEntry(1, '97531'), pinEntry(3)]) })).toMatchObject({ status: 'ok' });
    door.clearFault('full_lock');
    expect(await send(stageBegin, { baseChecksum: door.tableState.checksum, fromEmpty: false })).toEqual({ status: 'ok' });
    expect(await send(stagePut, { entries: [pinEntry(4)] })).toEqual({ status: 'ok' });
  });

  it('holds every slot of a 2000-slot reader, written in batches, and takes a while to commit them', async () => {
    const { program, door } = rig('kestrel-pr1', {}, { writeMsPerEntry: 0.2 });
    const all = Array.from({ length: 2000 }, (_, i) => (i % 2 ? pinEntry(i + 1) : bleEntry(i + 1, unrestricted)));
    const started = performance.now();
    expect(await program(all)).toEqual({ status: 'ok', version: 1, checksum: tableChecksum(all) });
    expect(performance.now() - started).toBeGreaterThanOrEqual(300); // 2000 x 0.2 ms of modeled flash writes
    expect(door.tableState.usedSlots).toBe(2000);
  });
});
