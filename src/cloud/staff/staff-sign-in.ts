import type { z } from 'zod';
import type { StaffSessionRequest } from '../../shared/sync';
import { HttpError, tooManyAttempts } from '../http/http-error';
import { limitedAttempt, retryAfterSeconds, type AttemptLimit } from '../http/attempt-throttle';
import type { CloudStore, ConsoleRecord, StaffRecord } from '../store/cloud-store';
import { passcodeMatches } from './passcode';
import { newStaffKey } from './staff-keys';

/** Three mistypes are free; then 2 s, 4 s, 8 s... up to 15 minutes, per console and staff member; a day quiet starts over. */
export const signInLimit: AttemptLimit = { name: 'staff_sign_in', schedule: { free: 3, baseMs: 2_000, maxMs: 15 * 60_000 }, forgetAfterMs: 24 * 60 * 60_000 };

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
 * nothing, and every instance counts in the same place), so a stolen console token cannot be used to guess fast, and nobody can lock a
 * staff member out of the other consoles.
 */
export function createStaffSignIn(cloud: CloudStore, now: () => Date) {
  return async (console: ConsoleRecord, request: z.output<typeof StaffSessionRequest>): Promise<StaffSession> => {
    if (console.kiosk) throw new HttpError(403, 'forbidden', 'A kiosk console acts as the kiosk: staff do not sign in on it.');
    const at = now();
    // The console's community's staff only: a staff id of another community is unknown here.
    const store = cloud.forCommunity(console.communityId);
    // Tries for one staff member on one console take turns, on every instance: guesses sent at once are each counted before the next is checked.
    const key = `${console.communityId}\n${console.id}\n${request.staffId}`;
    const tried = await limitedAttempt(
      cloud,
      signInLimit,
      key,
      at,
      async () => {
        const found = await store.staffWithPasscode(request.staffId);
        return (await passcodeMatches(request.passcode, found?.passcodeHash ?? null)) ? found : null;
      },
      (found) => found !== null,
    );
    if ('waitMs' in tried) throw tooManyAttempts('Too many wrong passcodes for this staff member on this console; wait, then try again.', retryAfterSeconds(tried.waitMs));
    const found = tried.outcome;
    if (!found) throw refused();
    const staffKey = await store.issueStaffKey(newStaffKey(console.id, found.staff.id, at.toISOString()));
    return { staff: found.staff, key: { id: staffKey.keyId, secret: staffKey.secret } };
  };
}
