import type { z } from 'zod';
import type { StaffSessionRequest } from '../../shared/sync';
import { HttpError, tooManyAttempts } from '../http/http-error';
import { delayAfterFailures, retryAfterSeconds, type DelaySchedule } from '../http/attempt-throttle';
import type { CloudStore, ConsoleRecord, StaffRecord } from '../store/cloud-store';
import { KeyedLocks } from '../store/serial-queue';
import { passcodeMatches } from './passcode';
import { newStaffKey } from './staff-keys';

/** Three mistypes are free; then 2 s, 4 s, 8 s... up to 15 minutes, per console and staff member. */
export const signInDelays: DelaySchedule = { free: 3, baseMs: 2_000, maxMs: 15 * 60_000 };

export interface StaffSession {
  staff: StaffRecord;
  key: { id: string; secret: string };
}

const refused = () => new HttpError(403, 'sign_in_refused', 'Wrong passcode, or no such staff member.');

/**
 * An online sign-in (POST /v1/staff-sessions): checks the passcode against the cloud's slow
 * hash and answers the staff member as the cloud knows them, with the signing key this
 * console keeps for them (made at the first online sign-in here, answered again after).
 * An unknown staff member is answered exactly as a wrong passcode, after as long. Wrong
 * passcodes are counted per console and staff member in the store (a restart forgets
 * nothing), so a stolen console token cannot be used to guess fast, and nobody can lock a
 * staff member out of the other consoles.
 */
export function createStaffSignIn(store: CloudStore, now: () => Date) {
  // One check at a time per console and staff member: parallel guesses wait their turn.
  const locks = new KeyedLocks();
  return (console: ConsoleRecord, request: z.output<typeof StaffSessionRequest>): Promise<StaffSession> =>
    locks.with(`${console.id}\n${request.staffId}`, async () => {
      if (console.kiosk) throw new HttpError(403, 'forbidden', 'A kiosk console acts as the kiosk: staff do not sign in on it.');
      const at = now();
      const failures = await store.signInFailures(console.id, request.staffId);
      const waitMs = failures ? Date.parse(failures.blockedUntil) - at.getTime() : 0;
      if (waitMs > 0) throw tooManyAttempts('Too many wrong passcodes for this staff member on this console; wait, then try again.', retryAfterSeconds(waitMs));
      const found = await store.staffWithPasscode(request.staffId);
      if (!found || !(await passcodeMatches(request.passcode, found.passcodeHash))) {
        const count = (failures?.failures ?? 0) + 1;
        const blockedUntil = new Date(at.getTime() + delayAfterFailures(count, signInDelays)).toISOString();
        await store.recordSignInFailures(console.id, request.staffId, { failures: count, blockedUntil });
        throw refused();
      }
      if (failures) await store.clearSignInFailures(console.id, request.staffId);
      const key = await store.issueStaffKey(newStaffKey(console.id, found.staff.id, at.toISOString()));
      return { staff: found.staff, key: { id: key.keyId, secret: key.secret } };
    });
}
