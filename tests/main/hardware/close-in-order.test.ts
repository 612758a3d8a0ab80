import { afterEach, expect, it } from 'vitest';
import { openHardwareConsole, type HardwareConsole } from '../../helpers/hardware-console';

let t: HardwareConsole | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

it('closing the core mid-job lets the job end and record how before the store closes', async () => {
  t = openHardwareConsole();
  const programmer = await t.programmer();
  const door = (await t.call('hardware.overview', {})).pendingDoors[0]!;
  await t.attach(programmer.id, door.id);
  const job = await t.call('hardware.program', { programmerId: programmer.id });
  expect(job.status).toBe('running');

  await t.core.close();

  // The job's last write landed: it is not left running for the next start to guess about.
  const row = t.db.prepare('SELECT status FROM door_jobs WHERE id = ?').get(job.id) as { status: string };
  expect(['succeeded', 'interrupted']).toContain(row.status);
  if (row.status === 'interrupted')
    expect(t.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'door.job_failed' AND subject_id = ?").pluck().get(door.id)).toBe(1);
  expect(t.errors).toEqual([]);
});
