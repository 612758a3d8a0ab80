import type { PushedMutation } from '../../shared/sync';
import type { Sentence } from '../rules/sentences';
import type { ChangeActor, CloudTx, CommunityRecord, ConsoleRecord } from '../store/cloud-store';
import type { GuestLinks } from '../texts/guest-text';

/** What applying one mutation works with, inside its transaction. */
export interface ApplyContext {
  tx: CloudTx;
  console: ConsoleRecord;
  mutation: PushedMutation;
  community: CommunityRecord;
  /** The cloud's clock, as an ISO instant. */
  now: string;
  links: GuestLinks;
  /** The actor may only act on credentials this console granted (a kiosk). */
  ownGrantsOnly: boolean;
  /** Who made it, as the cloud proved it (rules/who-acted.ts), never as the console said. */
  actor: ChangeActor;
}

/** How a mutation was applied (maybe with a fix: moved slots, the cloud's PIN code). */
export interface Applied {
  status: 'accepted' | 'rejected';
  code?: string;
  reason?: string;
  fix?: Record<string, unknown>;
  /** The last change it produced; null for a no-op. */
  cursor: number | null;
  textsQueued: boolean;
}

export const noOp: Applied = { status: 'accepted', cursor: null, textsQueued: false };

/**
 * The change every console pulls for this mutation: its payload as the cloud applied it,
 * the actor the cloud proved (or, for a fact, the one its records name) and the cloud's own
 * sentence (rules/sentences.ts).
 */
export function appendMutationChange(ctx: ApplyContext, payload: Record<string, unknown>, said: Sentence, actor: ChangeActor = ctx.actor): Promise<number> {
  const m = ctx.mutation;
  return ctx.tx.appendChange({
    kind: m.kind,
    payload,
    origin: ctx.console.id,
    mutationId: m.mutationId,
    at: m.createdAt,
    appliedAt: ctx.now,
    actor,
    audit: said,
  });
}

/** A change the cloud makes on its own (a new PIN, a text's outcome). */
export function appendCloudChange(tx: CloudTx, kind: string, payload: Record<string, unknown>, summary: string, at: string): Promise<number> {
  return tx.appendChange({ kind, payload, origin: 'cloud', mutationId: null, at, appliedAt: at, actor: null, audit: { action: kind, summary } });
}
