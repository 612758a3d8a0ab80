import type { StaffMember } from '../../shared/domain';
import { PorterError } from '../../shared/errors';
import type { Db } from '../store/database';
import { runUserAction } from '../store/user-action';
import { passcodeMatches } from './passcode';

const maxFailures = 5;
const lockoutMs = 5 * 60_000;

export function listStaff(db: Db): StaffMember[] {
  return db.prepare('SELECT id, name, role FROM staff WHERE active = 1 ORDER BY name').all() as StaffMember[];
}

function audit(db: Db, at: string, actor: string, action: 'staff.signed_in' | 'staff.signed_out' | 'staff.sign_in_refused', subjectId: string, summary: string): void {
  runUserAction(db, () => ({
    result: undefined,
    record: { audit: { at, actor, action, subjectId, summary, details: {} }, mutation: null },
  }));
}

/**
 * Signs staff in with their passcode. Five wrong passcodes in a row lock that person out
 * for five minutes, so a kiosk left alone cannot be used to guess one. Refusals are audited.
 */
export function createStaffSignIn(db: Db, now: () => Date) {
  const failures = new Map<string, { count: number; lockedUntil: number }>();

  return {
    signIn(staffId: string, passcode: string): StaffMember {
      const row = db.prepare('SELECT id, name, role, passcode_hash FROM staff WHERE id = ? AND active = 1').get(staffId) as
        | (StaffMember & { passcode_hash: string })
        | undefined;
      if (!row) throw new PorterError('not_found', 'No such staff member on this console.', 'staffId');
      const at = now();
      const record = failures.get(staffId) ?? { count: 0, lockedUntil: 0 };
      if (record.lockedUntil > at.getTime()) {
        const minutes = Math.ceil((record.lockedUntil - at.getTime()) / 60_000);
        throw new PorterError('forbidden', `Too many wrong passcodes for ${row.name}. Try again in ${minutes} min.`, 'passcode');
      }
      if (!passcodeMatches(passcode, row.passcode_hash)) {
        record.count++;
        if (record.count >= maxFailures) record.lockedUntil = at.getTime() + lockoutMs;
        failures.set(staffId, record);
        audit(db, at.toISOString(), row.name, 'staff.sign_in_refused', row.id, `Wrong passcode for ${row.name} (${record.count} in a row)`);
        throw new PorterError('forbidden', `Wrong passcode for ${row.name}.`, 'passcode');
      }
      failures.delete(staffId);
      const member = { id: row.id, name: row.name, role: row.role };
      audit(db, at.toISOString(), row.name, 'staff.signed_in', row.id, `${row.name} signed in as ${row.role}`);
      return member;
    },
    signOut(member: StaffMember): void {
      audit(db, now().toISOString(), member.name, 'staff.signed_out', member.id, `${member.name} signed out`);
    },
  };
}
export type StaffSignIn = ReturnType<typeof createStaffSignIn>;
