import type { z } from 'zod';
import { jsonDepth, maxPayloadDepth } from '../../shared/mutation-proof';
import { assertNever } from '../../shared/errors';
import { mayAct } from '../rules/may-act';
import { isMutationKind, MutationBody, type MutationKind } from '../../shared/sync';
import { MutationRefused } from '../rules/refusal';
import { whoActed } from '../rules/who-acted';
import type { Applied, ApplyContext } from './apply-context';
import { applyGuidelines, applyDoorReport } from './apply-community';
import { applyExpiry, applyRevoke, applyTextRequest, applyUse } from './apply-credential-end';
import { applyGrant } from './apply-grant';
import { applyApprovalDecision, applyApprovalRequest } from './apply-approval';
import { firstIssueWords } from '../../shared/plain-words';

/** Names the first unreadable field, never its value (a payload may hold a PIN). */
function describeIssue(error: z.ZodError): string {
  return firstIssueWords(error, 'payload');
}

/** The mutation's kind and payload, read by the protocol's schema (src/shared/sync). */
function readBody(kind: MutationKind, payload: unknown): MutationBody {
  const parsed = MutationBody.safeParse({ kind, payload });
  if (!parsed.success) throw new MutationRefused('invalid_payload', `The cloud could not read this ${kind} change (${describeIssue(parsed.error)}); update Porter on this console.`);
  return parsed.data;
}

/**
 * Applies one mutation inside its transaction, as the cloud's rules allow, or throws
 * MutationRefused. Order: the kind, how deep its payload nests, who made it (proven, not
 * claimed), its payload, the actor's role, then the kind's own rules.
 */
export async function applyMutation(base: Omit<ApplyContext, 'community' | 'ownGrantsOnly' | 'actor'>): Promise<Applied> {
  const { mutation, tx } = base;
  const kind = mutation.kind;
  if (!isMutationKind(kind)) throw new MutationRefused('unknown_kind', `The cloud does not know ${kind} changes; update the cloud service.`);
  // Nothing a console writes nests this deep; storing it would overflow the stack every time.
  if (jsonDepth(mutation.payload) > maxPayloadDepth)
    throw new MutationRefused('invalid_payload', `This ${kind} change nests deeper than ${maxPayloadDepth} levels; the cloud does not store it.`);
  // Asked together: one round trip on PostgreSQL.
  const [community, { actor, staff }] = await Promise.all([tx.community(), whoActed(tx, base.console, mutation, kind)]);
  const body = readBody(kind, mutation.payload);
  const { ownGrantsOnly } = mayAct(kind, base.console, staff);
  const ctx: ApplyContext = { ...base, community, ownGrantsOnly, actor };
  switch (body.kind) {
    case 'credential.granted':
    case 'credential.reissued':
      return applyGrant(ctx, body.payload);
    case 'credential.revoked':
      return applyRevoke(ctx, body.payload);
    case 'credential.expired':
      return applyExpiry(ctx, body.payload);
    case 'credential.used':
      return applyUse(ctx, body.payload);
    case 'credential.text_requested':
      return applyTextRequest(ctx, body.payload);
    case 'community.guidelines_changed':
      return applyGuidelines(ctx, body.payload);
    case 'approval.requested':
      return applyApprovalRequest(ctx, body.payload);
    case 'approval.decided':
      return applyApprovalDecision(ctx, body.payload);
    case 'door.programmed':
    case 'door.lock_assigned':
    case 'door.events_read':
      return applyDoorReport(ctx, body);
    default:
      return assertNever(body, 'mutation kind');
  }
}
