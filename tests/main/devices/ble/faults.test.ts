import { describe, expect, it } from 'vitest';
import type { KeyProgrammerDriver, TableChanges } from '../../../../src/main/devices/drivers/key-programmer-driver';
import { tableChecksum, type TableEntry } from '../../../../src/main/devices/keyprog/credential-table';
import { pinEntry } from '../sim-door/rig';
import { doorFailure, interruptedReasons, lockRig, never, untilHungUp } from './ble-rig';

const old = [pinEntry(1, '111111'), pinEntry(2, '222222')];
const next = [pinEntry(1, '111111'), ...Array.from({ length: 40 }, (_, i) => pinEntry(i + 3, String(300_000 + i)))];

/** What the planner (hardware/door-plan.ts) would write to turn `from` into `next`. */
function changesFrom(from: readonly TableEntry[]): TableChanges {
  const kept = new Set(next.map((e) => e.slot));
  return {
    fullRewrite: false,
    baseChecksum: tableChecksum(from),
    targetChecksum: tableChecksum(next),
    puts: next.filter((e) => !from.some((f) => f.slot === e.slot && tableChecksum([f]) === tableChecksum([e]))),
    deletes: from.filter((f) => !kept.has(f.slot)).map((f) => f.slot),
  };
}

/** A later session resuming the job as the job runner does: plan again from the checksum, then finish. */
async function resume(rig: ReturnType<typeof lockRig>): Promise<'written again' | 'credited'> {
  const driver = await rig.driver();
  const checksum = await driver.readChecksum(never());
  const outcome = checksum === tableChecksum(next) ? 'credited' : 'written again';
  if (outcome === 'written again') {
    expect(checksum).toBe(tableChecksum(old));
    await driver.program(changesFrom(old), () => undefined, never());
  }
  expect(await driver.readChecksum(never())).toBe(tableChecksum(next));
  await driver.close();
  return outcome;
}

async function programWith(rig: ReturnType<typeof lockRig>, onCommit: () => void = () => undefined): Promise<{ driver: KeyProgrammerDriver; job: Promise<void> }> {
  const driver = await rig.driver();
  const job = driver.program(changesFrom(old), (step, done) => step === 'commit' && done === 0 && onCommit(), never());
  return { driver, job };
}

describe('the lock out of range', () => {
  it('cannot be connected to: the job is interrupted, and resumes once back in range', async () => {
    const rig = lockRig({ table: old });
    rig.lock.inject({ kind: 'out_of_range' });
    const failure = await doorFailure(rig.connect());
    expect(failure).toMatchObject({ reason: 'disconnected', message: 'The lock is out of Bluetooth range.' });
    expect(interruptedReasons).toContain(failure.reason);
    rig.lock.clearFault('out_of_range');
    expect(await resume(rig)).toBe('written again');
  });

  it('drops a live session: the next exchange fails disconnected', async () => {
    const rig = lockRig({ table: old });
    const driver = await rig.driver();
    rig.lock.inject({ kind: 'out_of_range' });
    expect(await doorFailure(driver.readChecksum(never()))).toMatchObject({ reason: 'disconnected' });
  });
});

describe('the link dropping mid-commit', () => {
  it.each([
    ['old', 'written again'],
    ['new', 'credited'],
  ] as const)('leaves the table %s, the job interrupted, and a later session %s', async (tableAfter, outcome) => {
    const rig = lockRig({ table: old, writeMsPerEntry: 1 });
    rig.lock.inject({ kind: 'link_drop_mid_commit', tableAfter });
    const { job } = await programWith(rig);
    const failure = await doorFailure(job);
    // The driver could not read the checksum on a dropped session: the commit is settled by the next one.
    expect(failure.reason).toBe('disconnected');
    expect(interruptedReasons).toContain(failure.reason);
    await untilHungUp(rig.lock);
    expect(rig.door.entries()).toEqual(tableAfter === 'old' ? old : next);
    expect(rig.door.staging).toBe(false);
    expect(await resume(rig)).toBe(outcome);
  });
});

describe('a disconnect between stage and commit', () => {
  it('as COMMIT arrives: the stage goes with the link, the old table stays', async () => {
    const rig = lockRig({ table: old });
    rig.lock.inject({ kind: 'link_drop_before_commit' });
    const { job } = await programWith(rig);
    expect(await doorFailure(job)).toMatchObject({ reason: 'disconnected' });
    await untilHungUp(rig.lock);
    expect(rig.door.entries()).toEqual(old);
    expect(rig.door.staging).toBe(false);
    expect(await resume(rig)).toBe('written again');
  });

  it('before COMMIT is sent: the write fails at once', async () => {
    const rig = lockRig({ table: old });
    const { job } = await programWith(rig, () => rig.lock.dropLink());
    expect(await doorFailure(job)).toMatchObject({ reason: 'disconnected' });
    await untilHungUp(rig.lock);
    expect(rig.door.entries()).toEqual(old);
    expect(await resume(rig)).toBe('written again');
  });
});

describe('the door’s own refusals over Bluetooth', () => {
  it('a full lock refuses a new slot: the job fails (not interrupted), the table and session are intact', async () => {
    const rig = lockRig({ table: old });
    rig.lock.inject({ kind: 'full_lock' });
    const { driver, job } = await programWith(rig);
    const failure = await doorFailure(job);
    expect(failure).toMatchObject({ reason: 'no_free_slot' });
    expect(interruptedReasons).not.toContain(failure.reason);
    expect(rig.door.entries()).toEqual(old);
    expect(rig.door.staging).toBe(false); // the driver aborted the stage
    expect(await driver.readChecksum(never())).toBe(tableChecksum(old));
    rig.lock.clearFault('full_lock');
    await driver.close();
    expect(await resume(rig)).toBe('written again');
  });

  it('a low battery refuses changes until the batteries are replaced', async () => {
    const rig = lockRig({ table: old });
    rig.lock.inject({ kind: 'low_battery' });
    const { driver, job } = await programWith(rig);
    expect(await doorFailure(job)).toMatchObject({ reason: 'battery_low' });
    expect(rig.door.entries()).toEqual(old);
    await driver.close(); // a lock takes one central at a time
    rig.lock.clearFault('low_battery');
    expect(await resume(rig)).toBe('written again');
  });
});
