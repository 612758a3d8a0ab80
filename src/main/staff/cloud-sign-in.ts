import type { StaffMember } from '../../shared/domain';
import { z } from 'zod';
import { StaffSession } from '../../shared/sync';
import type { SecretStore } from '../secrets/secret-store';
import { adoptCloudCopy, markPasscodeStale, staffRecord } from '../store/cloud-staff-repo';
import type { Db } from '../store/database';
import { readSyncSetup } from '../store/sync-state-repo';
import { retryAfterMs } from '../sync/backoff';
import { saveStaffKey } from '../sync/staff-keys';
import { tokenAccount } from '../sync/sync-engine';
import { hashPasscode, passcodeMatches } from '../secrets/passcode';
import type { StaffSignIn } from './sign-in';

/** What the cloud said of a passcode, or that it could not be asked. */
export type CloudVerdict =
  | { kind: 'accepted'; member: StaffMember }
  | { kind: 'refused' }
  | { kind: 'throttled'; retryAfterMs: number }
  | { kind: 'unreachable' };

const Refusal = z.object({ error: z.object({ code: z.string() }) });

/** Staff wait at the sign-in screen: a cloud slower than this counts as unreachable, and the console checks offline. */
const signInTimeoutMs = 5_000;

export interface CloudSignInDeps {
  db: Db;
  secrets: SecretStore | null;
  fetchFn?: typeof fetch;
}

/**
 * Asks the cloud to check a passcode (POST /v1/staff-sessions) when this console is paired
 * with one; an answer comes with the staff member's signing key, which goes to the keychain.
 */
export async function askCloud(deps: CloudSignInDeps, staffId: string, passcode: string): Promise<CloudVerdict> {
  const setup = readSyncSetup(deps.db);
  if (!setup || setup.kiosk || !deps.secrets) return { kind: 'unreachable' };
  const token = await deps.secrets.get(tokenAccount(setup.consoleId));
  if (!token) return { kind: 'unreachable' };
  let response: Response;
  let body: unknown;
  try {
    response = await (deps.fetchFn ?? fetch)(new URL('/v1/staff-sessions', setup.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ staffId, passcode }),
      signal: AbortSignal.timeout(signInTimeoutMs),
    });
    body = await response.json();
  } catch {
    return { kind: 'unreachable' };
  }
  // An answer that is not the protocol's (src/shared/sync/consoles.ts) is as good as none.
  const session = response.status === 200 ? StaffSession.safeParse(body) : null;
  if (session?.success) {
    await saveStaffKey(deps.secrets, setup.consoleId, session.data.staff.id, session.data.key);
    return { kind: 'accepted', member: session.data.staff };
  }
  if (response.status === 403 && Refusal.safeParse(body).data?.error.code === 'sign_in_refused') return { kind: 'refused' };
  if (response.status === 429) return { kind: 'throttled', retryAfterMs: retryAfterMs(response.headers.get('retry-after')) ?? 60_000 };
  // A revoked token, a cloud in trouble: as good as unreachable, so the console decides offline.
  return { kind: 'unreachable' };
}

/**
 * Staff sign-in, online first: when the cloud answers, its answer is authoritative (a wrong
 * passcode there is a wrong passcode; a passcode, name or role changed in the cloud updates
 * this console's copy); when it cannot be reached, the console checks its own copy as
 * before (offline). Either way the local sign-in (src/main/staff/sign-in.ts) writes the audit
 * line and counts failures. `online` is told after a sign-in the cloud accepted, so the
 * changes that waited for this staff member's key go now.
 */
export function withCloudSignIn(local: StaffSignIn, deps: CloudSignInDeps & { online: () => void }) {
  return {
    async signIn(staffId: string, passcode: string, source: string): Promise<StaffMember> {
      // A source that must wait (guess-throttle.ts) is refused before the cloud is asked.
      local.refuseIfWaiting(staffId, source);
      // The cloud slows guesses per console and staff member, against a hostile console. Its
      // wait must not lock the real staff member out here, where guesses are slowed per
      // source already: while it waits, this console decides as it does offline.
      const verdict = await askCloud(deps, staffId, passcode);
      const copy = staffRecord(deps.db, staffId);
      if (verdict.kind === 'accepted' && copy?.id === verdict.member.id)
        adoptCloudCopy(deps.db, verdict.member, passcodeMatches(passcode, copy.passcodeHash) ? null : hashPasscode(passcode));
      if (verdict.kind === 'refused' && copy && passcodeMatches(passcode, copy.passcodeHash)) markPasscodeStale(deps.db, staffId);
      const member = local.signIn(staffId, passcode, source);
      if (verdict.kind === 'accepted') deps.online();
      return member;
    },
    signOut: (member: StaffMember): void => local.signOut(member),
  };
}
export type CloudStaffSignIn = ReturnType<typeof withCloudSignIn>;
