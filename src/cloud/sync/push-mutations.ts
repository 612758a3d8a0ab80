import { MutationResult, type PushedMutation } from '../../shared/sync';
import type { CloudLog } from '../cloud-log';
import { applyMutation } from '../apply/apply-mutation';
import { MutationRefused } from '../rules/refusal';
import type { CloudStore, CloudTx, CommunityStore, ConsoleRecord, MutationResultRecord } from '../store/cloud-store';
import type { GuestLinks } from '../texts/guest-text';

export interface PushContext {
  store: CloudStore;
  now(): Date;
  links: GuestLinks;
  /** Called after a commit that queued texts, so they go out now rather than at the next poll. */
  textsQueued(): void;
  /** Where a mutation that cannot be applied is logged with its error (never the payload). */
  log?: CloudLog;
}

/** A new mutation whose seq is not after the console's last applied one: the batch is refused whole. */
export class OutOfOrder extends Error {
  constructor(
    readonly mutationId: string,
    readonly seq: number,
    /** The console's last applied seq, as stored. */
    readonly lastSeq: number,
    /** The seq this mutation had to come after: lastSeq, or a new mutation before it in the request. */
    after: number,
  ) {
    super(`Mutation ${mutationId} has seq ${seq}, which is not after seq ${after}: push the outbox in order, oldest first. Nothing of this request was applied.`);
    this.name = 'OutOfOrder';
  }
}

/** The answer as the protocol says it, checked on the way out (an older cloud's fix kept a code: it is dropped). */
function answer(r: MutationResultRecord): MutationResult {
  return MutationResult.parse({
    mutationId: r.mutationId,
    status: r.status,
    ...(r.reason === null ? {} : { reason: r.reason }),
    ...(r.code === null ? {} : { code: r.code }),
    ...(r.fix === null ? {} : { fix: r.fix }),
    ...(r.cursor === null ? {} : { cursor: r.cursor }),
  });
}

/** A mutation seen before answers what it was answered then, and applies nothing. */
function duplicateOf(r: MutationResultRecord): MutationResult {
  const { status: _first, ...rest } = answer(r);
  return { ...rest, status: 'duplicate', original: r.status };
}

/** Before anything is applied: every new mutation's seq after the last applied one, and after each other. */
async function checkOrder(store: CommunityStore, consoleId: string, mutations: readonly PushedMutation[]): Promise<void> {
  const [known, lastApplied] = await Promise.all([store.mutationResults(mutations.map((m) => m.mutationId)), store.lastSeq(consoleId)]);
  let last = lastApplied;
  const seen = new Set<string>();
  for (const m of mutations) {
    if (known.has(m.mutationId) || seen.has(m.mutationId)) continue;
    if (m.seq <= last) throw new OutOfOrder(m.mutationId, m.seq, lastApplied, last);
    last = m.seq;
    seen.add(m.mutationId);
  }
}

/** Records a rejection: whatever the refused attempt wrote was rolled back to its savepoint. */
async function recordRefusal(tx: CloudTx, console: ConsoleRecord, m: PushedMutation, refusal: MutationRefused, now: string, settled: Map<string, MutationResultRecord>): Promise<MutationResult> {
  // Settled meanwhile by another request (the refused attempt may have failed on its answer's key): that answer stands.
  const stored = await tx.mutationResult(m.mutationId);
  if (stored) return duplicateOf(stored);
  const record: MutationResultRecord = { mutationId: m.mutationId, consoleId: console.id, seq: m.seq, status: 'rejected', code: refusal.code, reason: refusal.message, fix: null, cursor: null, settledAt: now };
  await tx.recordMutationResult(record);
  settled.set(m.mutationId, record);
  return answer(record);
}

/**
 * One mutation, exactly once, inside its batch's transaction: the dedup check, then in a
 * savepoint the change to the cloud's state, its change-log rows, its texts and its recorded
 * answer. A refusal rolls back to the savepoint (the mutation changed nothing) and is
 * recorded as rejected; the batch goes on. A crash before the batch's commit leaves none of
 * it; after it, the retry finds every answer and applies nothing.
 */
async function settle(ctx: PushContext, tx: CloudTx, console: ConsoleRecord, m: PushedMutation, settled: Map<string, MutationResultRecord>): Promise<{ result: MutationResult; textsQueued: boolean }> {
  const now = ctx.now().toISOString();
  const stored = settled.get(m.mutationId);
  if (stored) return { result: duplicateOf(stored), textsQueued: false };
  try {
    return await tx.savepoint(async () => {
      const applied = await applyMutation({ tx, console, mutation: m, now, links: ctx.links });
      const record: MutationResultRecord = {
        mutationId: m.mutationId,
        consoleId: console.id,
        seq: m.seq,
        status: applied.status,
        code: applied.code ?? null,
        reason: applied.reason ?? null,
        fix: applied.fix ?? null,
        cursor: applied.cursor,
        settledAt: now,
      };
      await tx.recordMutationResult(record);
      return { result: answer(record), textsQueued: applied.textsQueued, record };
    }).then(({ record, ...done }) => {
      settled.set(m.mutationId, record);
      return done;
    });
  } catch (error) {
    // A passing store trouble (busy, out of disk): the whole batch rolls back, 5xx, and the console pushes it again.
    if (!(error instanceof MutationRefused) && ctx.store.isTransient(error)) throw error;
    return { result: await recordRefusal(tx, console, m, error instanceof MutationRefused ? error : cannotApply(ctx, m, error), now, settled), textsQueued: false };
  }
}

/**
 * Anything else a mutation throws while being applied (input no rule foresaw, a bug) would
 * throw again at every retry: answering 500 would jam the console's queue behind it for
 * good. It is refused instead, with its reason, and the details stay in the cloud's log.
 */
function cannotApply(ctx: PushContext, m: PushedMutation, error: unknown): MutationRefused {
  ctx.log?.('error', `mutation ${m.mutationId} (${m.kind}) cannot be applied`, error);
  return new MutationRefused(
    'unprocessable',
    `The cloud cannot apply this change: it fails the same way every time, so it was refused to let this console’s other changes through. The cloud’s log has the details under mutation ${m.mutationId}.`,
  );
}

/**
 * A console's batch, in request order, in one transaction (one commit for the batch, not
 * one a mutation: on SQLite a commit waits for the disk). The console's lock keeps two
 * pushes of the same console (a retry racing the original) from interleaving, so the order
 * check made first still holds when each mutation is applied. Everything is read and written
 * in the console's own community, whatever the mutations name. Texts are sent once the batch
 * has committed.
 */
export function pushMutations(ctx: PushContext, console: ConsoleRecord, mutations: readonly PushedMutation[]): Promise<MutationResult[]> {
  const store = ctx.store.forCommunity(console.communityId);
  return store.withConsoleLock(console.id, async () => {
    await checkOrder(store, console.id, mutations);
    const { results, textsQueued } = await store.transaction(async (tx) => {
      // The batch's answers recorded before, looked up at once, then each one settled here: no
      // other push of this console comes between (its lock). Another console's answer under the
      // same id would fail on its key, and recordRefusal finds it.
      const answered = await tx.mutationResults(mutations.map((m) => m.mutationId));
      const settled: MutationResult[] = [];
      let queued = false;
      for (const m of mutations) {
        const { result, textsQueued } = await settle(ctx, tx, console, m, answered);
        settled.push(result);
        queued ||= textsQueued;
      }
      return { results: settled, textsQueued: queued };
    });
    if (textsQueued) ctx.textsQueued();
    return results;
  });
}
