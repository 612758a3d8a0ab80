import type { z } from 'zod';
import type { StaffSessionRequest } from '../../shared/sync';
import { HttpError, tooManyAttempts } from '../http/http-error';
import { retryAfterSeconds, takeAttempt, type AttemptLimit } from '../http/attempt-throttle';
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
    // Counted before the passcode is checked: guesses sent at once, to any instances, are each counted.
    const key = `${console.communityId}\n${console.id}\n${request.staffId}`;
    const waitMs = await takeAttempt(cloud, signInLimit, key, at);
    if (waitMs > 0) throw tooManyAttempts('Too many wrong passcodes for this staff member on this console; wait, then try again.', retryAfterSeconds(waitMs));
    // The console's community's staff only: a staff id of another community is unknown here.
    const store = cloud.forCommunity(console.communityId);
    const found = await store.staffWithPasscode(request.staffId);
    if (!found || !(await passcodeMatches(request.passcode, found.passcodeHash))) throw refused();
    await cloud.clearAttempts(signInLimit.name, key);
    const staffKey = await store.issueStaffKey(newStaffKey(console.id, found.staff.id, at.toISOString()));
    return { staff: found.staff, key: { id: staffKey.keyId, secret: staffKey.secret } };
  };
}
