import type { z } from 'zod';
import { assertNever } from '../../shared/errors';
import { mayAct } from '../rules/may-act';
import { isMutationKind, mutationPayloads, type GrantPayload, type MutationKind, type PayloadOf } from '../rules/mutation-payloads';
import { MutationRefused } from '../rules/refusal';
import type { Applied, ApplyContext } from './apply-context';
import { applyGuidelines, applyDoorReport } from './apply-community';
import { applyCredentialEnd, applyTextRequest } from './apply-credential-end';
import { applyGrant } from './apply-grant';

/** Names the first unreadable field, never its value (a payload may hold a PIN). */
function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const at = issue && issue.path.length ? `payload.${issue.path.join('.')}` : 'payload';
  return `${at}: ${issue?.message ?? 'unreadable'}`;
}

function readPayload<K extends MutationKind>(kind: K, payload: unknown): PayloadOf<K> {
  const parsed = mutationPayloads[kind].safeParse(payload);
  if (!parsed.success) throw new MutationRefused('invalid_payload', `The cloud could not read this ${kind} change (${describeIssue(parsed.error)}); update Porter on this console.`);
  return parsed.data as PayloadOf<K>;
}

/**
 * Applies one mutation inside its transaction, as the cloud's rules allow, or throws
 * MutationRefused. Order: the kind, its payload, who did it, then the kind's own rules.
 */
export async function applyMutation(base: Omit<ApplyContext, 'community' | 'ownGrantsOnly'>): Promise<Applied> {
  const { mutation, tx } = base;
  const kind = mutation.kind;
  if (!isMutationKind(kind)) throw new MutationRefused('unknown_kind', `The cloud does not know ${kind} changes; update the cloud service.`);
  const payload = readPayload(kind, mutation.payload);
  const community = await tx.community();
  const staff = mutation.actor.role === null ? null : await tx.staffMember(mutation.actor.id);
  const { ownGrantsOnly } = mayAct(kind, { console: base.console, actor: mutation.actor, staff, communityName: community.name });
  const ctx: ApplyContext = { ...base, community, ownGrantsOnly };
  switch (kind) {
    case 'credential.granted':
    case 'credential.reissued':
      return applyGrant(ctx, payload as GrantPayload);
    case 'credential.revoked':
      return applyCredentialEnd(ctx, payload as PayloadOf<'credential.revoked'>, { reason: 'revoked', by: mutation.actor.name });
    case 'credential.expired':
      return applyCredentialEnd(ctx, payload as PayloadOf<'credential.expired'>, { reason: 'expired', by: mutation.actor.name });
    case 'credential.used': {
      const used = payload as PayloadOf<'credential.used'>;
      return applyCredentialEnd(ctx, used, { reason: 'used', by: used.door });
    }
    case 'credential.text_requested':
      return applyTextRequest(ctx, payload as PayloadOf<'credential.text_requested'>);
    case 'community.guidelines_changed':
      return applyGuidelines(ctx, payload as PayloadOf<'community.guidelines_changed'>);
    case 'door.programmed':
    case 'door.lock_assigned':
    case 'door.events_read':
      return applyDoorReport(ctx, payload as PayloadOf<'door.programmed'>);
    default:
      return assertNever(kind, 'mutation kind');
  }
}
