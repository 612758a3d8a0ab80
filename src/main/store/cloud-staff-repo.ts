import type { StaffMember } from '../../shared/domain';
import type { Db } from './database';

/*
 * This console's copy of a staff member, as the cloud corrects it at an online sign-in
 * (src/main/staff/cloud-sign-in.ts): the cloud's answer is authoritative when it answers.
 */

export function allStaffIds(db: Db): string[] {
  return db.prepare<[], string>('SELECT id FROM staff').pluck().all();
}

export function isActiveStaff(db: Db, staffId: string): boolean {
  return db.prepare('SELECT 1 FROM staff WHERE id = ? AND active = 1').get(staffId) !== undefined;
}

export function staffRecord(db: Db, staffId: string): (StaffMember & { passcodeHash: string }) | null {
  return (
    db.prepare<[staffId: string], StaffMember & { passcodeHash: string }>('SELECT id, name, role, passcode_hash AS passcodeHash FROM staff WHERE id = ? AND active = 1').get(staffId) ??
    null
  );
}

/** The cloud's name and role, and (when the passcode it accepted is not the one held here) the new passcode's hash. */
export function adoptCloudCopy(db: Db, member: StaffMember, passcodeHash: string | null): void {
  db.prepare('UPDATE staff SET name = ?, role = ? WHERE id = ?').run(member.name, member.role, member.id);
  if (passcodeHash !== null) db.prepare('UPDATE staff SET passcode_hash = ? WHERE id = ?').run(passcodeHash, member.id);
}

/**
 * The cloud refused a passcode this console's copy still takes: the passcode changed in the
 * cloud. The copy stops taking any passcode offline until the next online sign-in.
 */
export function markPasscodeStale(db: Db, staffId: string): void {
  db.prepare("UPDATE staff SET passcode_hash = 'stale$' WHERE id = ?").run(staffId);
}
