import { Temporal } from 'temporal-polyfill';
import type { StaffMember } from '../../shared/domain';
import type { AccessContext } from '../access/access-context';
import { recordDoorUse } from '../access/record-door-use';
import { matterEpochUnixSeconds } from '../../shared/domain/matter-door-lock';
import { instantOf } from '../access/schedule/wall-clock';
import type { AuditEvent, AuditRecord } from '../devices/keyprog/commands';
import { DoorFailure } from '../devices/drivers/door-failure';
import type { KeyProgrammerDriver } from '../devices/drivers/key-programmer-driver';
import { PorterError } from '../../shared/errors';
import { appendAudit } from '../store/audit-log';
import { enqueueMutation } from '../store/outbox';
import { credentialInSlotAt, doorById, recordAuditCursor, type DoorHardwareRecord } from '../store/door-table-repo';
import { runUserAction } from '../store/user-action';
import type { JobControl } from './job-runner';

export const readAuditSteps = ['Read the door’s records', 'Add them to the activity log'];

const eventWords: Record<AuditEvent, string> = {
  unlocked_by_credential: 'opened with a credential',
  denied_credential: 'refused an unknown credential',
  denied_schedule: 'refused a credential outside its schedule',
  table_committed: 'took a new credential table',
  clock_set: 'had its clock set',
  battery_low: 'reported a low battery',
  tamper: 'reported tampering',
  door_forced: 'reported the door forced open',
};

/** A door's wall-clock time (lock-local epoch-s) as an instant, in the community's zone. */
export function doorTimeToInstant(lockLocalTime: number, zone: string): string {
  const wall = Temporal.Instant.fromEpochMilliseconds((lockLocalTime + matterEpochUnixSeconds) * 1000)
    .toZonedDateTimeISO('UTC')
    .toPlainDateTime();
  return new Date(instantOf(wall, zone).epochMilliseconds).toISOString();
}

/**
 * Reads the door's records after the last one the console holds and appends them to the
 * console's audit log under the door's own record numbers. Numbers must run on without a
 * break; a gap (records lost or erased on the door) is itself recorded, so nobody reads the
 * log as complete when it is not. A delivery code the door says was used ends, as at the door.
 */
export async function readDoorAudit(ctx: AccessContext, driver: KeyProgrammerDriver, doorId: string, actor: StaffMember, control: JobControl): Promise<string> {
  control.step(0);
  const door = doorById(ctx.db, doorId);
  if (!door) throw new DoorFailure('protocol', 'That door is no longer in the community.');
  const after = door.auditRecord ?? 0;
  const records = await driver.readAudit(after, control.signal);
  control.finish(0, `${records.length} new records`);
  control.step(1);
  const gaps = importDoorRecords(ctx, door, actor, after, records);
  const summary = gaps > 0 ? `${records.length} records added; ${gaps} missing from the door` : `${records.length} records added`;
  control.finish(1, summary);
  return summary;
}

function importDoorRecords(ctx: AccessContext, door: DoorHardwareRecord, actor: StaffMember, after: number, records: AuditRecord[]): number {
  const zone = ctx.community().timeZone;
  let expected = after + 1;
  let missing = 0;
  const uses: { credentialId: string; at: string }[] = [];
  runUserAction(ctx.db, () => {
    for (const r of records) {
      const at = doorTimeToInstant(r.localTime, zone);
      if (r.number > expected) {
        missing += r.number - expected;
        appendAudit(ctx.db, { at, actor: door.name, action: 'door.audit_gap', subjectId: door.id, summary: `${door.name}: records ${expected} to ${r.number - 1} are missing from the door’s trail`, details: { doorId: door.id, from: expected, to: r.number - 1 } });
      }
      const credentialId = r.slot === null ? null : credentialInSlotAt(ctx.db, door.id, r.slot, at);
      appendAudit(ctx.db, { at, actor: door.name, action: 'door.event', subjectId: credentialId ?? door.id, summary: `${door.name} ${eventWords[r.event]}${r.slot === null ? '' : ` (slot ${r.slot})`}`, details: { doorId: door.id, doorRecord: r.number, event: r.event, slot: r.slot, credentialId } });
      if (r.event === 'unlocked_by_credential' && credentialId) uses.push({ credentialId, at });
      expected = Math.max(expected, r.number + 1);
    }
    if (records.length > 0) {
      recordAuditCursor(ctx.db, door.id, expected - 1);
      const at = ctx.now().toISOString();
      const summary = `${actor.name} read ${records.length} records from ${door.name}`;
      enqueueMutation(ctx.db, { kind: 'door.events_read', payload: { doorId: door.id, after, records }, actor }, { at, action: 'door.event', summary });
    }
    return { result: undefined, record: null };
  });
  for (const use of uses) {
    try {
      recordDoorUse(ctx, { ...use, doorId: door.id, doorName: door.name });
    } catch (error) {
      // The credential already ended (revoked, or used at another door first): nothing to end.
      if (!(error instanceof PorterError)) throw error;
    }
  }
  return missing;
}
