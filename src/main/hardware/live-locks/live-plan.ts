import type { CodeWrite, ScheduleFit } from '../../devices/live/live-lock-network';
import type { ReportedSlotRecord } from '../../store/live-locks-repo';

/** A code the door's desired table holds now, as the lock should be given it. */
export interface WantedCode {
  slot: number;
  credentialId: string;
  code: string;
  digest: string;
  fit: ScheduleFit;
  /** Whether the code belongs on the lock at this moment (presence.ts): Porter-enforced windows, a schedule over. */
  present: boolean;
}

export interface LivePlan {
  writes: (CodeWrite & { credentialId: string; digest: string })[];
  clears: number[];
  /** Desired codes the lock refused before (same code in the same slot): not sent again until they change. */
  refused: { slot: number; problem: string }[];
  /** Refusals of codes no longer wanted: forgotten, the lock never held them. */
  forget: number[];
}

/**
 * Desired against reported, for one lock: write what should be on the lock and is not (or is
 * another code, or disabled), clear what is on it and should not be (a revoked code, a code
 * outside its Porter-enforced window, a code put there at the lock's keypad). A code the lock
 * refused stays refused until its desired code changes: sending it again would be refused again.
 */
export function planLiveDoor(wanted: readonly WantedCode[], reported: readonly ReportedSlotRecord[]): LivePlan {
  const bySlot = new Map(reported.map((r) => [r.slot, r]));
  const plan: LivePlan = { writes: [], clears: [], refused: [], forget: [] };
  const kept = new Set<number>();
  for (const w of wanted) {
    if (!w.present) continue;
    kept.add(w.slot);
    const r = bySlot.get(w.slot);
    if (r?.codeDigest === w.digest && r.state === 'enabled') continue;
    if (r?.codeDigest === w.digest && r.state === 'refused') {
      plan.refused.push({ slot: w.slot, problem: r.problem ?? `The lock refused the code for slot ${w.slot}.` });
      continue;
    }
    plan.writes.push({ slot: w.slot, code: w.code, user: w.fit.write, credentialId: w.credentialId, digest: w.digest });
  }
  for (const r of reported) {
    if (kept.has(r.slot)) continue;
    if (r.state === 'refused') plan.forget.push(r.slot);
    else plan.clears.push(r.slot);
  }
  return plan;
}

export const planIsEmpty = (plan: LivePlan): boolean => plan.writes.length === 0 && plan.clears.length === 0;
