import { afterEach, describe, expect, it } from 'vitest';
import { openHardwareConsole, type HardwareConsole } from '../../helpers/hardware-console';

let t: HardwareConsole;
afterEach(() => t?.close());

const auditActions = (action: string) => t.db.prepare('SELECT summary FROM audit_log WHERE action = ?').pluck().all(action) as string[];

describe('programming a door through the simulated key-programmer', () => {
  it('writes exactly the pending changes, verifies them, and the door leaves the pending list', async () => {
    t = openHardwareConsole();
    const before = await t.call('hardware.overview', {});
    expect(before.programmers.every((p) => p.simulated)).toBe(true);
    const pending = before.pendingDoors[0]!;
    const programmer = await t.programmer();
    const attached = (await t.attach(programmer.id, pending.id)).door!;
    // The lock holds what it was last programmed with, so only the difference is planned.
    expect(attached.changes?.fullRewrite).toBe(false);
    expect(attached.changes!.toWrite + attached.changes!.toRemove).toBeGreaterThan(0);

    await t.call('hardware.program', { programmerId: programmer.id });
    const job = await t.finished(programmer.id);
    expect(job.status).toBe('succeeded');
    expect(job.steps.map((s) => s.status)).toEqual(['done', 'done', 'done', 'done']);
    expect(job.progress).toBe(1);

    const after = await t.until((o) => o.programmers.find((p) => p.id === programmer.id)?.door?.changes?.toWrite === 0 && o);
    expect(after.pendingDoors.map((d) => d.id)).not.toContain(pending.id);
    expect(auditActions('door.programmed')).toHaveLength(1);
  });

  it('refuses a second job on a busy programmer and a job with no door on the cable', async () => {
    t = openHardwareConsole();
    const programmer = await t.programmer();
    await expect(t.call('hardware.program', { programmerId: programmer.id })).rejects.toMatchObject({ code: 'not_allowed' });
    const pending = (await t.call('hardware.overview', {})).pendingDoors[0]!;
    await t.attach(programmer.id, pending.id);
    await t.call('hardware.program', { programmerId: programmer.id });
    await expect(t.call('hardware.program', { programmerId: programmer.id })).rejects.toThrow(/already running a job/);
    expect((await t.finished(programmer.id)).status).toBe('succeeded');
  });

  it('tells a technician a lock that is not assigned to a door, and assigns it', async () => {
    t = openHardwareConsole();
    const programmer = await t.programmer();
    const door = (await t.call('hardware.overview', {})).pendingDoors[0]!;
    t.db.prepare('UPDATE doors SET serial = NULL WHERE id = ?').run(door.id);
    await t.call('training.simulate', { action: 'attach', programmerId: programmer.id, doorId: door.id });
    const unassigned = await t.until((o) => o.programmers.find((p) => p.door && p.door.door === null)?.door);
    expect(unassigned.serial).toBe(`SIM-${door.id}`);
    await expect(t.call('hardware.program', { programmerId: programmer.id })).rejects.toThrow(/not assigned to a door/);

    const assigned = await t.call('hardware.assignLock', { programmerId: programmer.id, doorId: door.id });
    expect(assigned.door?.door?.id).toBe(door.id);
    // Training also logs fitting its simulated Z-Wave locks, at a moment of its own: only this lock's lines count.
    const thisLock = auditActions('door.lock_assigned').filter((line) => line.includes(`SIM-${door.id}`));
    expect(thisLock).toEqual([`Avery Brooks assigned lock SIM-${door.id} to ${door.name}`]);
  });
});

describe('a console that stopped mid-job', () => {
  it('shows the job as interrupted, with what to do, when it starts again', async () => {
    const { openTestConsole } = await import('../../helpers/test-console');
    const c = openTestConsole(undefined, {
      beforeOpen: (db) =>
        db
          .prepare(
            `INSERT INTO door_jobs (id, door_id, kind, status, started_by, started_at, steps_json)
             VALUES ('job_1', (SELECT id FROM doors LIMIT 1), 'program', 'running', 'Sam Ortiz', '2026-11-01T10:00:00Z', '[]')`,
          )
          .run(),
    });
    try {
      const job = c.db.prepare("SELECT status, error_json FROM door_jobs WHERE id = 'job_1'").get() as { status: string; error_json: string };
      expect(job.status).toBe('interrupted');
      expect(JSON.parse(job.error_json)).toEqual({ message: 'The console stopped during this job.', advice: 'Attach the door again and press Resume.' });
    } finally {
      await c.close();
    }
  });
});

describe('the door picker', () => {
  it('finds doors by name, building or lock serial, of one model', async () => {
    t = openHardwareConsole();
    const gates = await t.call('hardware.doors', { search: 'gate', modelId: 'kestrel-pr1' });
    expect(gates.length).toBeGreaterThan(0);
    expect(gates.every((d) => d.modelId === 'kestrel-pr1' && /gate/i.test(d.name))).toBe(true);
    const bySerial = await t.call('hardware.doors', { search: gates[0]!.serial! });
    expect(bySerial.map((d) => d.id)).toEqual([gates[0]!.id]);
    expect(await t.call('hardware.doors', { search: '%' })).toEqual([]);
  });
});
