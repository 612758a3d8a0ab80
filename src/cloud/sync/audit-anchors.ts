import { HttpError } from '../http/http-error';
import type { AnchorRefusal, CloudStore, ConsoleRecord } from '../store/cloud-store';
import type { z } from 'zod';
import type { AnchorRequest } from '../../shared/sync';

const refusals: Record<AnchorRefusal, (latest: number, seq: number) => string> = {
  backwards: (latest, seq) => `The cloud holds this console’s activity log up to entry ${latest}; a log that ends at ${seq} lost its newest entries.`,
  contradicts: (_latest, seq) => `The cloud holds another entry ${seq} for this console’s activity log: the log was rewritten.`,
  not_chained: (latest) => `This console did not show that its log still holds entry ${latest} as the cloud recorded it; send the head with "previous" set to it.`,
};

/**
 * POST /v1/audit-anchors: keeps the console's audit-log head, append-only. 201 for a new
 * head, 200 for one already held, 409 anchor_conflict with the cloud's latest otherwise.
 */
export async function takeAnchor(store: CloudStore, console: ConsoleRecord, request: z.output<typeof AnchorRequest>, now: Date) {
  const answer = await store.forCommunity(console.communityId).takeAuditAnchor(console.id, { seq: request.seq, hash: request.hash }, request.previous, now.toISOString());
  if ('refused' in answer) {
    const { latest } = answer;
    throw new HttpError(409, 'anchor_conflict', refusals[answer.refused](latest.seq, request.seq), { refused: answer.refused, latest });
  }
  return { status: answer.isNew ? 201 : 200, body: { anchor: answer.taken } };
}
