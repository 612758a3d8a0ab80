import { afterEach, describe, expect, it } from 'vitest';
import type { CommandName, CommandOutput, CommandInput } from '../../../src/shared/contract';
import type { DoorJob, HardwareOverview, Programmer } from '../../../src/shared/domain';
import { openTestConsole, type TestConsole } from '../../helpers/test-console';

let t: TestConsole;
afterEach(() => t?.close());

async function call<C extends CommandName>(command: C, input: CommandInput<C>): Promise<CommandOutput<C>> {
  const answer = await t.core.dispatch(command, input);
  if (!answer.ok) throw new Error(`${command}: ${answer.error.code} ${answer.error.message}`);
  return answer.value as CommandOutput<C>;
}

/** Polls the overview (as the page does on each 'doors' event) until it satisfies `ready`. */
async function until<T>(probe: (o: HardwareOverview) => T | null | undefined | false): Promise<T> {
  for (;;) {
    const found = probe(await call('hardware.overview', {}));
    if (found) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const firstProgrammer = (o: HardwareOverview): Programmer | undefined => o.programmers.find((p) => p.state !== 'error' && p.serial !== null) ?? o.programmers[0];

async function finished(programmerId: string): Promise<DoorJob> {
  return until((o) => {
    const job = o.programmers.find((p) => p.id === programmerId)?.job;
    return job && job.status !== 'running' ? job : null;
  });
}

describe('programming a door through the simulated key-programmer', () => {
  it('writes exactly the pending changes and the door leaves the pending list', async () => {
    t = openTestConsole(undefined, { hardware: 'simulated' });
    const before = await call('hardware.overview', {});
    expect(before.simulated).toBe(true);
    const pending = before.pendingDoors[0]!;
    const programmer = await until((o) => o.programmers.find((p) => p.serial !== null && p.message === null));
    await call('hardware.simulate', { action: 'attach', programmerId: programmer.id, doorId: pending.id });
    const attached = await until((o) => o.programmers.find((p) => p.id === programmer.id && p.door?.door?.id === pending.id)?.door);
    // The lock holds what it was last programmed with, so only the difference is planned.
    expect(attached.changes?.fullRewrite).toBe(false);
    expect(attached.changes!.toWrite + attached.changes!.toRemove).toBeGreaterThan(0);

    await call('hardware.program', { programmerId: programmer.id });
    const job = await finished(programmer.id);
    expect(job.status).toBe('succeeded');
    expect(job.steps.map((s) => s.status)).toEqual(['done', 'done', 'done', 'done']);

    const after = await until((o) => o.programmers.find((p) => p.id === programmer.id)?.door?.changes?.toWrite === 0 && o);
    expect(after.pendingDoors.map((d) => d.id)).not.toContain(pending.id);
    const audit = t.db.prepare("SELECT summary FROM audit_log WHERE action = 'door.programmed'").pluck().all();
    expect(audit).toHaveLength(1);
  });
});
