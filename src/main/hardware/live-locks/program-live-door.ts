import type { AccessContext } from '../../access/access-context';
import type { LiveLock, SlotOutcome } from '../../devices/live/live-lock-network';
import { appendAudit } from '../../store/audit-log';
import { doorById } from '../../store/door-table-repo';
import { liveCredentialFacts, recordLiveDoorInSync, recordReportedSlot, replaceReportedSlots, reportedSlots, type ReportedSlotRecord } from '../../store/live-locks-repo';
import { inTransaction } from '../../store/statement';
import { codeDigest, isMasked } from './code-digest';
import { desiredCodes } from './desired-codes';
import { planLiveDoor, type WantedCode } from './live-plan';

export interface ProgramOptions {
  /** What the lock holds is not known (just opened, just assigned, changed at its keypad): ask it first. */
  verify: boolean;
  signal: AbortSignal;
}

/**
 * One job on a live lock: learn what it holds where that is not known (its checksum where the
 * lock keeps one, else every slot), write and clear what differs from the door's desired
 * table, and record each slot's outcome as the lock answered it. A code the lock refused is
 * kept as refused, in words; a slot the lock did not confirm fails the job (tried again).
 * Answers when a Porter-enforced code is next due on or off the lock.
 */
export async function programLiveDoor(ctx: AccessContext, lock: LiveLock, doorId: string, options: ProgramOptions): Promise<{ nextChangeAt: Date | null }> {
  const door = doorById(ctx.db, doorId);
  if (!door) return { nextChangeAt: null };
  const version = door.desiredVersion;
  const { wanted, nextChangeAt } = desiredCodes(ctx, doorId, lock);
  if (options.verify) await learnWhatLockHolds(ctx, lock, doorId, wanted);
  options.signal.throwIfAborted();

  const plan = planLiveDoor(wanted, reportedSlots(ctx.db, doorId));
  const at = (): string => ctx.now().toISOString();
  for (const slot of plan.forget) recordReportedSlot(ctx.db, doorId, { slot, credentialId: null, codeDigest: null, state: 'available', problem: null, reportedAt: at() });

  const unconfirmed: number[] = [];
  const refused = new Map(plan.refused.map((r) => [r.slot, r.problem]));
  if (plan.writes.length > 0) {
    const outcomes = await lock.writeCodes(plan.writes, options.signal);
    inTransaction(ctx.db, () => {
      for (const o of outcomes) {
        const w = plan.writes.find((x) => x.slot === o.slot);
        if (!w) continue;
        if (o.outcome === 'written') recordReportedSlot(ctx.db, doorId, { slot: o.slot, credentialId: w.credentialId, codeDigest: w.digest, state: 'enabled', problem: null, reportedAt: at() });
        else if (o.outcome === 'duplicate' || o.outcome === 'refused') {
          const problem = refusalWords(ctx, doorId, w.credentialId, o);
          refused.set(o.slot, problem);
          recordReportedSlot(ctx.db, doorId, { slot: o.slot, credentialId: w.credentialId, codeDigest: w.digest, state: 'refused', problem, reportedAt: at() });
        } else unconfirmed.push(o.slot);
      }
    });
  }
  if (plan.clears.length > 0) {
    const outcomes = await lock.clearCodes(plan.clears, options.signal);
    inTransaction(ctx.db, () => {
      for (const o of outcomes)
        if (o.outcome === 'cleared') recordReportedSlot(ctx.db, doorId, { slot: o.slot, credentialId: null, codeDigest: null, state: 'available', problem: null, reportedAt: at() });
        else unconfirmed.push(o.slot);
    });
  }
  if (plan.writes.length + plan.clears.length > 0) {
    const written = plan.writes.length - refused.size - unconfirmed.length;
    appendAudit(ctx.db, { at: at(), actor: door.name, action: 'door.programmed', subjectId: doorId, summary: `${door.name}’s lock took ${plural(Math.max(0, written), 'code')} and removed ${plural(plan.clears.length, 'code')} over Z-Wave`, details: { doorId, nodeId: lock.nodeId, written: plan.writes.map((w) => w.slot), cleared: plan.clears, refused: [...refused.keys()], unconfirmed } });
  }
  if (unconfirmed.length > 0) throw new Error(`The lock did not confirm slot${unconfirmed.length > 1 ? 's' : ''} ${unconfirmed.join(', ')}; Porter tries again.`);
  if (refused.size === 0) recordLiveDoorInSync(ctx.db, doorId, version, at());
  return { nextChangeAt };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function refusalWords(ctx: AccessContext, doorId: string, credentialId: string, o: SlotOutcome): string {
  const whose = liveCredentialFacts(ctx.db, doorId, credentialId)?.guestName;
  const code = whose ? `${whose}’s code` : 'the code';
  const why = o.detail ?? (o.outcome === 'duplicate' ? 'it already holds the same code in another slot' : 'the lock is full or does not take this code');
  return `The lock refused ${code} for slot ${o.slot}: ${why}.`;
}

/**
 * Where the console cannot tell what the lock holds: a matching checksum confirms the desired
 * codes at once (User Code CC v2); otherwise every slot is read. A slot read back with the code
 * the desired table holds is credited to that credential; a masked code keeps what was known.
 */
async function learnWhatLockHolds(ctx: AccessContext, lock: LiveLock, doorId: string, wanted: readonly WantedCode[]): Promise<void> {
  const known = reportedSlots(ctx.db, doorId);
  const at = ctx.now().toISOString();
  const believed = known.flatMap((r) => {
    const w = wanted.find((x) => x.slot === r.slot && x.digest === r.codeDigest);
    return r.state === 'enabled' && w ? [{ slot: r.slot, code: w.code }] : [];
  });
  const allKnown = believed.length === known.filter((r) => r.state !== 'refused').length;
  const expected = allKnown ? lock.checksumOf(believed) : null;
  if (expected !== null && (await lock.codesChecksum(believed)) === expected) return;

  const read = await lock.readCodes();
  const slots: ReportedSlotRecord[] = read.flatMap((r) => {
    if (r.state === 'available') {
      const refused = known.find((k) => k.slot === r.slot && k.state === 'refused');
      return refused ? [refused] : [];
    }
    const before = known.find((k) => k.slot === r.slot);
    const digest = isMasked(r.code) ? (before?.codeDigest ?? null) : r.code ? codeDigest(doorId, r.slot, r.code) : null;
    const w = wanted.find((x) => x.slot === r.slot && x.digest === digest);
    return [{ slot: r.slot, credentialId: w?.credentialId ?? null, codeDigest: digest, state: r.state, problem: null, reportedAt: at }];
  });
  replaceReportedSlots(ctx.db, doorId, slots);
}
