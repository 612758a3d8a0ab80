import type { ReaderConfig, StaffMember } from '../../shared/domain';
import type { AccessContext } from '../access/access-context';
import { DoorFailure } from '../devices/drivers/door-failure';
import type { KeyProgrammerDriver } from '../devices/drivers/key-programmer-driver';
import { doorById } from '../store/door-table-repo';
import { runUserAction } from '../store/user-action';
import type { JobControl } from './job-runner';

export const configureReaderSteps = ['Write the configuration', 'Read it back'];

/** Writes a perimeter reader's configuration and reads it back to confirm the reader took it. */
export async function configureReader(ctx: AccessContext, driver: KeyProgrammerDriver, doorId: string, config: ReaderConfig, actor: StaffMember, control: JobControl): Promise<string> {
  const door = doorById(ctx.db, doorId);
  if (!door) throw new DoorFailure('protocol', 'That door is no longer in the community.');
  control.step(0);
  await driver.writeReaderConfig(config, control.signal);
  control.finish(0, `OSDP address ${config.osdpAddress}`);
  control.step(1);
  const back = await driver.readReaderConfig(control.signal);
  if (canonical(back) !== canonical(config))
    throw new DoorFailure('door_io_error', 'The reader answered with a different configuration than was written.');
  runUserAction(ctx.db, () => ({
    result: undefined,
    record: { audit: { at: ctx.now().toISOString(), actor: actor.name, action: 'door.reader_configured', subjectId: door.id, summary: `${actor.name} configured the reader of ${door.name}`, details: { doorId: door.id, config } }, mutation: null },
  }));
  control.finish(1, 'The reader holds the new configuration');
  return 'Configured';
}

/** Bit sets come back in bit order, whatever order they were chosen in. */
function canonical(c: ReaderConfig): string {
  const sorted = <T,>(xs: readonly T[]) => [...xs].map(String).sort();
  return JSON.stringify({ ...c, cardFormats: sorted(c.cardFormats), unlockedHours: c.unlockedHours.map((h) => ({ ...h, days: sorted(h.days) })) });
}
