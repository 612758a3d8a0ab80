import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { PairRequest } from '../../shared/sync';
import type { CloudLog } from '../cloud-log';
import { limitedAttempt, retryAfterSeconds, type AttemptLimit } from '../http/attempt-throttle';
import { HttpError, tooManyAttempts } from '../http/http-error';
import type { CloudStore } from '../store/cloud-store';
import { hashConsoleToken, newConsoleToken } from './console-token';

/**
 * One answer for every code that does not pair: unknown, used and expired alike, so a
 * guesser learns nothing about which codes exist. The operator's log says which it was.
 */
const invalidCode = () =>
  new HttpError(401, 'invalid_pairing_code', 'This pairing code does not pair a console: it may be mistyped, already used or expired (codes last 24 hours). Check it, or ask for a new one.');

/**
 * Pairing is the one endpoint without a token, so wrong codes are slowed per client address:
 * five are free, then 1 s, 2 s, 4 s... up to an hour, answered 429 with Retry-After; an
 * address quiet for a day starts over. Counted in the store, so spreading guesses over
 * instances gains nothing (a code has 60 bits: the limit is a second wall). Right codes never
 * count: a technician pairing a building's consoles at once from one office is never slowed.
 */
export const pairingLimit: AttemptLimit = { name: 'pairing', schedule: { free: 5, baseMs: 1_000, maxMs: 60 * 60_000 }, forgetAfterMs: 24 * 60 * 60_000 };

export interface PairingDeps {
  store: CloudStore;
  log: CloudLog;
}

/**
 * Uses a pairing code up and gives the console its token. The token is answered once and
 * never again: the cloud keeps only its hash. The code's community (the operator chose it
 * when making the code) becomes the console's, for good.
 */
export async function pairConsole(deps: PairingDeps, client: string, request: z.output<typeof PairRequest>, now: Date) {
  const token = newConsoleToken();
  const tried = await limitedAttempt(
    deps.store,
    pairingLimit,
    client,
    now,
    () =>
      deps.store.pairConsole({
        pairingCode: request.pairingCode,
        consoleId: `console_${randomUUID()}`,
        name: request.name,
        kiosk: request.kiosk,
        tokenHash: hashConsoleToken(token),
        at: now.toISOString(),
      }),
    (outcome) => 'paired' in outcome,
  );
  if ('waitMs' in tried) throw tooManyAttempts('Too many wrong pairing codes from this address; wait, then try again.', retryAfterSeconds(tried.waitMs));
  const { outcome } = tried;
  if ('refused' in outcome) {
    deps.log('warn', `pairing refused: ${outcome.refused} code`);
    throw invalidCode();
  }
  const c = outcome.paired;
  const community = await deps.store.forCommunity(c.communityId).community();
  return { consoleId: c.id, token, name: c.name, kiosk: c.kiosk, community: { id: community.id, name: community.name } };
}
