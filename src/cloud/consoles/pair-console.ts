import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { PairRequest } from '../api/sync-api';
import { HttpError } from '../http/http-error';
import type { CloudStore, CommunityRecord, PairingRefusal } from '../store/cloud-store';
import { hashConsoleToken, newConsoleToken } from './console-token';

const refusals: Record<PairingRefusal, string> = {
  unknown: 'This pairing code is not one the cloud made; check it, or ask for a new one.',
  used: 'This pairing code was already used; each code pairs one console. Ask for a new one.',
  expired: 'This pairing code has expired (codes last 24 hours); ask for a new one.',
};

/**
 * Uses a pairing code up and gives the console its token. The token is answered once and
 * never again: the cloud keeps only its hash.
 */
export async function pairConsole(store: CloudStore, request: z.output<typeof PairRequest>, now: Date, community: CommunityRecord) {
  const token = newConsoleToken();
  const outcome = await store.pairConsole({
    pairingCode: request.pairingCode,
    consoleId: `console_${randomUUID()}`,
    name: request.name,
    kiosk: request.kiosk,
    tokenHash: hashConsoleToken(token),
    at: now.toISOString(),
  });
  if ('refused' in outcome) throw new HttpError(401, 'invalid_pairing_code', refusals[outcome.refused], { refused: outcome.refused });
  const c = outcome.paired;
  return { consoleId: c.id, token, name: c.name, kiosk: c.kiosk, community: { id: community.id, name: community.name } };
}
