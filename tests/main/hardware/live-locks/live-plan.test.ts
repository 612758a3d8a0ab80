import { describe, expect, it } from 'vitest';
import type { ScheduleFit } from '../../../../src/main/devices/live/live-lock-network';
import { retryDelayMs } from '../../../../src/main/hardware/live-locks/backoff';
import { planLiveDoor, type WantedCode } from '../../../../src/main/hardware/live-locks/live-plan';
import type { ReportedSlotRecord } from '../../../../src/main/store/live-locks-repo';

const fit: ScheduleFit = { by: 'lock', write: { userType: 'unrestricted_user', weekDaySchedules: [], yearDaySchedules: [] }, why: null };
const want = (slot: number, digest: string, present = true): WantedCode => ({ slot, credentialId: `c${slot}`, code: `12${slot}4`, digest, fit, present });
const held = (slot: number, digest: string | null, state: ReportedSlotRecord['state'] = 'enabled', problem: string | null = null): ReportedSlotRecord => ({
  slot,
  credentialId: null,
  codeDigest: digest,
  state,
  problem,
  reportedAt: '2026-12-05T10:00:00Z',
});

describe('a live door’s plan', () => {
  it('writes a granted code the lock does not hold and clears a revoked one it still holds', () => {
    const plan = planLiveDoor([want(1, 'a'), want(2, 'b')], [held(1, 'a'), held(3, 'c')]);
    expect(plan.writes.map((w) => [w.slot, w.credentialId])).toEqual([[2, 'c2']]);
    expect(plan.clears).toEqual([3]);
  });

  it('puts back a code changed at the lock’s keypad, and enables a disabled one', () => {
    const plan = planLiveDoor([want(1, 'a'), want(2, 'b')], [held(1, 'other'), held(2, 'b', 'disabled')]);
    expect(plan.writes.map((w) => w.slot)).toEqual([1, 2]);
    expect(plan.clears).toEqual([]);
  });

  it('takes a Porter-enforced code off outside its window', () => {
    const plan = planLiveDoor([want(1, 'a', false)], [held(1, 'a')]);
    expect(plan.writes).toEqual([]);
    expect(plan.clears).toEqual([1]);
  });

  it('does not send again a code the lock refused, until the code changes, and forgets a refusal no longer wanted', () => {
    const refused = held(4, 'd', 'refused', 'The lock refused the code for slot 4: it already holds it in slot 9.');
    const same = planLiveDoor([want(4, 'd')], [refused]);
    expect(same.writes).toEqual([]);
    expect(same.refused).toEqual([{ slot: 4, problem: refused.problem }]);
    expect(planLiveDoor([want(4, 'e')], [refused]).writes.map((w) => w.slot)).toEqual([4]);
    const gone = planLiveDoor([], [refused]);
    expect(gone.clears).toEqual([]);
    expect(gone.forget).toEqual([4]);
  });
});

describe('the live queue’s backoff', () => {
  it('waits 5 s after the first failure, doubling, never more than 5 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map(retryDelayMs)).toEqual([5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000]);
  });
});
