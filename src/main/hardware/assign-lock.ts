import type { StaffMember } from '../../shared/domain';
import { PorterError } from '../../shared/errors';
import type { AccessContext } from '../access/access-context';
import { assignSerial, doorById } from '../store/door-table-repo';
import { runUserAction } from '../store/user-action';
import type { ConnectedProgrammer } from './programmers';

/**
 * Commissioning: the technician says which door the lock on the cable belongs to. The lock's
 * model must be the door's; a serial moves off any door that had it (a lock moved or replaced).
 * The next programming compares the lock's checksum with what the door last held and writes
 * the whole table when they differ; the new lock's audit trail is read from its first record.
 */
export function assignLock(ctx: AccessContext, p: ConnectedProgrammer, doorId: string, actor: StaffMember): void {
  const lock = p.door;
  if (!lock) throw new PorterError('not_allowed', 'No lock is connected to this programmer’s cable.');
  const door = doorById(ctx.db, doorId);
  if (!door) throw new PorterError('not_found', 'There is no door with this id.', 'doorId');
  if (door.lockModelId !== lock.modelId)
    throw new PorterError('not_allowed', `${door.name} has a ${door.lockModelId} lock in Porter; the lock on the cable is a ${lock.modelId}.`, 'doorId');
  runUserAction(ctx.db, () => {
    assignSerial(ctx.db, door.id, lock.serial);
    const at = ctx.now().toISOString();
    return {
      result: undefined,
      record: {
        audit: { at, actor: actor.name, action: 'door.lock_assigned', subjectId: door.id, summary: `${actor.name} assigned lock ${lock.serial} to ${door.name}`, details: { doorId: door.id, serial: lock.serial } },
        mutation: { kind: 'door.lock_assigned', payload: { doorId: door.id, serial: lock.serial, at }, actor },
      },
    };
  });
}
