import type { StaffMember } from '../../shared/domain';
import { PorterError } from '../../shared/errors';
import { staffRecord } from '../store/cloud-staff-repo';
import type { Db } from '../store/database';
import { inTransaction } from '../store/statement';
import { runUserAction } from '../store/user-action';
import { createGuessThrottle, describeWait } from './guess-throttle';
import { passcodeMatches } from '../secrets/passcode';

function audit(db: Db, at: string, actor: string, action: 'staff.signed_in' | 'staff.signed_out' | 'staff.sign_in_refused', subjectId: string, summary: string, details: Record<string, unknown> = {}): void {
  runUserAction(db, () => ({
    result: undefined,
    record: { audit: { at, actor, action, subjectId, summary, details }, mutation: null },
  }));
}

const tooMany = (seconds: number): string => `Too many wrong passcodes from this window. Try again in ${describeWait(seconds)}.`;

/**
 * Signs staff in with their passcode. Wrong passcodes slow down the source they come from
 * (`source`: the window or connection, see guess-throttle.ts), not the staff member, so
 * nobody can lock the real one out of their own window. Refusals are audited.
 */
export function createStaffSignIn(db: Db, now: () => Date) {
  const throttle = createGuessThrottle(db);
  const activeStaff = (staffId: string): StaffMember & { passcodeHash: string } => {
    const row = staffRecord(db, staffId);
    if (!row) throw new PorterError('not_found', 'No such staff member on this console.', 'staffId');
    return row;
  };

  return {
    /**
     * Refuses at once, unchecked, while this source must wait (its wait's first refusal is
     * audited). The cloud sign-in calls it before asking the cloud, so a waiting source never
     * reaches the cloud's own count either.
     */
    refuseIfWaiting(staffId: string, source: string): void {
      const row = activeStaff(staffId);
      const at = now();
      const waiting = throttle.waiting(source, at);
      if (!waiting) return;
      if (!waiting.noted)
        inTransaction(db, () => {
          throttle.noteWait(source);
          audit(db, at.toISOString(), row.name, 'staff.sign_in_refused', row.id, `Sign-in for ${row.name} from ${source} refused unchecked: ${waiting.failures} wrong passcodes in a row from there`, { source, waitSeconds: waiting.seconds });
        });
      throw new PorterError('forbidden', tooMany(waiting.seconds), 'passcode');
    },
    signIn(staffId: string, passcode: string, source: string): StaffMember {
      this.refuseIfWaiting(staffId, source);
      const row = activeStaff(staffId);
      const at = now();
      if (!passcodeMatches(passcode, row.passcodeHash)) {
        const wait = inTransaction(db, () => {
          const w = throttle.failed(source, at);
          audit(db, at.toISOString(), row.name, 'staff.sign_in_refused', row.id, `Wrong passcode for ${row.name} from ${source} (${w.failures} in a row from there)`, { source });
          return w;
        });
        throw new PorterError('forbidden', `Wrong passcode for ${row.name}.${wait.waitSeconds > 0 ? ` ${tooMany(wait.waitSeconds)}` : ''}`, 'passcode');
      }
      const member = { id: row.id, name: row.name, role: row.role };
      inTransaction(db, () => {
        throttle.succeeded(source);
        audit(db, at.toISOString(), row.name, 'staff.signed_in', row.id, `${row.name} signed in as ${row.role}`);
      });
      return member;
    },
    signOut(member: StaffMember): void {
      audit(db, now().toISOString(), member.name, 'staff.signed_out', member.id, `${member.name} signed out`);
    },
  };
}
export type StaffSignIn = ReturnType<typeof createStaffSignIn>;
