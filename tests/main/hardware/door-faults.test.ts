import { afterEach, describe, expect, it } from 'vitest';
import type { Programmer } from '../../../src/shared/domain';
import { openHardwareConsole, type HardwareConsole } from '../../helpers/hardware-console';

let t: HardwareConsole;
afterEach(() => t?.close());

/**
 * A console, its programmer, and a pending door's lock on the cable: the one waiting longest (the
 * round itself puts doors still holding ended codes first; these faults want the demo's oldest change).
 */
async function pendingDoorOnCable(kind: 'unit' | 'any' = 'any'): Promise<{ programmer: Programmer; doorId: string; changes: NonNullable<NonNullable<Programmer['door']>['changes']> }> {
  t = openHardwareConsole();
  const programmer = await t.programmer();
  const pending = (await t.call('hardware.overview', {})).pendingDoors;
  const oldestChange = [...pending].sort((a, b) => a.pendingSince.localeCompare(b.pendingSince) || a.name.localeCompare(b.name));
  const doorId = oldestChange.find((d) => kind === 'any' || d.kind === kind)!.id;
  const attached = await t.attach(programmer.id, doorId);
  return { programmer, doorId, changes: attached.door!.changes! };
}

const isPending = async (doorId: string) => (await t.call('hardware.overview', {})).pendingDoors.some((d) => d.id === doorId);
const doorChanges = (programmerId: string) => t.until((o) => o.programmers.find((p) => p.id === programmerId)?.door?.changes);

describe('a door keeps its old table or takes the new one, and the job can be resumed', () => {
  it('unplugged during the commit: the job is interrupted with advice, and Resume credits the commit that landed', async () => {
    const { programmer, doorId } = await pendingDoorOnCable();
    await t.call('training.simulate', { action: 'fault', programmerId: programmer.id, fault: 'unplug_mid_commit' });
    await t.call('hardware.program', { programmerId: programmer.id });
    const interrupted = await t.until((o) => o.programmers.length === 0 && t.db.prepare("SELECT status, error_json FROM door_jobs").get() as { status: string; error_json: string });
    expect(interrupted.status).toBe('interrupted');
    expect(JSON.parse(interrupted.error_json).advice).toMatch(/Reconnect the programmer/);
    expect(await isPending(doorId)).toBe(true);
    expect((await t.call('hardware.overview', {})).unfinishedJobs.map((j) => [j.door.id, j.status])).toEqual([[doorId, 'interrupted']]);

    // The technician plugs the programmer back in and puts the cable back on the door.
    await t.call('training.simulate', { action: 'plug' });
    const back = await t.programmer();
    const reattached = await t.attach(back.id, doorId);
    expect(reattached.job?.status).toBe('interrupted');
    // The door already swapped tables: nothing is left to write.
    expect(reattached.door!.changes).toMatchObject({ toWrite: 0, toRemove: 0, fullRewrite: false });

    await t.call('hardware.resume', { programmerId: back.id });
    const job = await t.finished(back.id);
    expect(job.status).toBe('succeeded');
    expect(job.steps.map((s) => s.status)).toEqual(['done', 'skipped', 'skipped', 'done']);
    expect(await isPending(doorId)).toBe(false);
    expect((await t.call('hardware.overview', {})).unfinishedJobs).toEqual([]);
  });

  it('a low battery refuses the writes: the door keeps its old table and the advice says to replace the batteries', async () => {
    const { programmer, doorId, changes } = await pendingDoorOnCable();
    await t.call('training.simulate', { action: 'fault', programmerId: programmer.id, fault: 'low_battery' });
    await t.call('hardware.program', { programmerId: programmer.id });
    const job = await t.finished(programmer.id);
    expect(job.status).toBe('failed');
    expect(job.error?.advice).toMatch(/Replace the door’s batteries/);
    expect(await doorChanges(programmer.id)).toEqual(changes);
    expect(await isPending(doorId)).toBe(true);
    expect(t.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'door.job_failed'").pluck().get()).toBe(1);
  });

  it('a full lock refuses new slots: the door keeps its old table and the advice says what to free', async () => {
    // A unit door with new grants since its last visit: slots to fill, none to free.
    const { programmer, changes } = await pendingDoorOnCable('unit');
    expect(changes).toMatchObject({ toRemove: 0, fullRewrite: false });
    expect(changes.toWrite).toBeGreaterThan(0);
    await t.call('training.simulate', { action: 'fault', programmerId: programmer.id, fault: 'lock_full' });
    await t.call('hardware.program', { programmerId: programmer.id });
    const job = await t.finished(programmer.id);
    expect(job.status).toBe('failed');
    expect(job.error?.message).toMatch(/no free slot/);
    expect(job.error?.advice).toMatch(/Revoke unused access/);
    expect(await doorChanges(programmer.id)).toEqual(changes);
  });

  it.each(['drop_report', 'corrupt_crc', 'wrong_sequence', 'stall'] as const)(
    'a %s on the wire interrupts at most one step, and the door ends with the new table',
    async (fault) => {
      const { programmer, doorId } = await pendingDoorOnCable();
      await t.call('training.simulate', { action: 'fault', programmerId: programmer.id, fault });
      await t.call('hardware.program', { programmerId: programmer.id });
      let job = await t.finished(programmer.id);
      if (job.status !== 'succeeded') {
        expect(job.status).toBe('interrupted');
        expect(job.error?.advice).toMatch(/Resume/);
        await t.call('hardware.resume', { programmerId: programmer.id });
        job = await t.finished(programmer.id);
      }
      expect(job.status).toBe('succeeded');
      expect(await isPending(doorId)).toBe(false);
      expect((await doorChanges(programmer.id))).toMatchObject({ toWrite: 0, toRemove: 0 });
    },
  );
});

describe('the door’s clock and audit trail', () => {
  it('shows a clock far off and sets it with the community’s zone', async () => {
    const { programmer } = await pendingDoorOnCable();
    await t.call('training.simulate', { action: 'fault', programmerId: programmer.id, fault: 'clock_far_off' });
    const drifted = await t.until((o) => o.programmers.find((p) => Math.abs(p.door?.clockDriftSeconds ?? 0) > 3600)?.door);
    expect(drifted.clockDriftSeconds).toBeGreaterThan(3 * 3600);
    await t.call('hardware.setClock', { programmerId: programmer.id });
    expect((await t.finished(programmer.id)).status).toBe('succeeded');
    const set = await t.until((o) => o.programmers.find((p) => Math.abs(p.door?.clockDriftSeconds ?? 99) <= 2)?.door);
    expect(Math.abs(set.clockDriftSeconds)).toBeLessThanOrEqual(2);
    expect(t.db.prepare("SELECT summary FROM audit_log WHERE action = 'door.clock_set'").pluck().get()).toMatch(/America\/Chicago/);
  });

  it('reads the door’s records into the activity log with their numbers and flags a gap', async () => {
    const { programmer, doorId } = await pendingDoorOnCable();
    await t.call('training.simulate', { action: 'fault', programmerId: programmer.id, fault: 'audit_gap' });
    await t.call('hardware.readAudit', { programmerId: programmer.id });
    expect((await t.finished(programmer.id)).status).toBe('succeeded');
    const events = t.db
      .prepare("SELECT json_extract(details_json, '$.doorRecord') FROM audit_log WHERE action = 'door.event' ORDER BY seq")
      .pluck()
      .all() as number[];
    expect(events.length).toBeGreaterThanOrEqual(2);
    const gaps = t.db.prepare("SELECT details_json FROM audit_log WHERE action = 'door.audit_gap'").pluck().all() as string[];
    expect(gaps.map((g) => JSON.parse(g))).toEqual([{ doorId, from: events.at(-2)! + 1, to: events.at(-1)! - 1 }]);

    // Reading again brings nothing twice.
    await t.call('hardware.readAudit', { programmerId: programmer.id });
    expect((await t.finished(programmer.id)).steps[0]?.detail).toBe('0 new records');
  });
});

describe('hot-plug', () => {
  it('a programmer pulled out disappears and one plugged in appears', async () => {
    t = openHardwareConsole();
    const programmer = await t.programmer();
    await t.call('training.simulate', { action: 'unplug', programmerId: programmer.id });
    await t.until((o) => o.programmers.length === 0);
    await t.call('training.simulate', { action: 'plug' });
    const back = await t.programmer();
    expect(back.serial).toBe(programmer.serial);
    expect(back.id).not.toBe(programmer.id);
  });
});
