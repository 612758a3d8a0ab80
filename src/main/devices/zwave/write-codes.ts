import { CommandClasses, SupervisionStatus, isSupervisionResult } from '@zwave-js/core';
import { UserIDStatus, ZWaveError, type Driver, type ZWaveNode } from 'zwave-js';
import type { LiveLockCapabilities, ReportedCode, SlotOutcome } from '../live/live-lock-network';
import { codeFrameRoom, packCodeFrames } from './code-frames';
import { tableChecksum } from './reported-table';
import { lockApi, throwIfNotAnswering } from './lock-commands';
import { readSlot } from './user-codes';

/** One slot to set: a code to enable, or '' to clear it. */
export interface SlotWrite {
  slot: number;
  code: string;
}

/** What the lock's side of a write needs: the node, what it can do, and the table it last reported. */
export interface CodeWriteTarget {
  driver: Driver;
  node: ZWaveNode;
  capabilities: LiveLockCapabilities;
  /** The lock's table as last reported (kept up to date by reads and these writes); null until first read whole. */
  reported: Map<number, ReportedCode> | null;
  /** Slots the lock said were refused as duplicates (Access Control "new user code not added: duplicate") while a frame was out. */
  duplicates: Set<number>;
  /** The frame being sent now: a duplicate notice that arrives is put on its slots. */
  inFlight: Set<number>;
}

interface Sent {
  slot: number;
  code: string;
  /** Why the lock or the driver turned this frame down, when it did. */
  refused: string | null;
  failed: string | null;
  /** Codes in the frame this one went in: a duplicate notice that names no slot is this slot's only when it went alone. */
  frameSize: number;
}

/** Checks that need no frame: a slot the lock has, digits of a length User Code CC allows. */
export function invalidWrite(write: SlotWrite, capabilities: LiveLockCapabilities): string | null {
  if (!Number.isInteger(write.slot) || write.slot < 1 || write.slot > capabilities.slots)
    return `slot ${write.slot} is not one of the lock's ${capabilities.slots} slots`;
  if (write.code === '') return null;
  if (!/^\d+$/.test(write.code)) return 'a code is digits only';
  const { min, max } = capabilities.pinLength;
  if (write.code.length < min || write.code.length > max) return min === max ? `a code is exactly ${min} digits on this lock` : `a code is ${min} to ${max} digits on this lock`;
  return null;
}

/**
 * Sends the writes (several per Extended User Code Set where the lock allows bulk sets, one
 * frame per slot otherwise), then reads back what the lock reports: on a lock with a
 * checksum, one Checksum Get confirms the whole write when it matches; otherwise each slot is
 * read. Stops between frames when the signal aborts (and rejects with its reason).
 */
export async function writeSlots(target: CodeWriteTarget, writes: readonly SlotWrite[], signal?: AbortSignal): Promise<SlotOutcome[]> {
  const outcomes = new Map<number, SlotOutcome>();
  const valid: SlotWrite[] = [];
  for (const w of writes) {
    const problem = invalidWrite(w, target.capabilities);
    if (problem) outcomes.set(w.slot, { slot: w.slot, outcome: 'refused', detail: problem });
    else valid.push(w);
  }
  const sent = await sendFrames(target, valid, signal);
  for (const outcome of await readBack(target, sent)) outcomes.set(outcome.slot, outcome);
  return writes.map((w) => outcomes.get(w.slot)!);
}

async function sendFrames(target: CodeWriteTarget, writes: readonly SlotWrite[], signal?: AbortSignal): Promise<Sent[]> {
  const { node, capabilities } = target;
  const v2 = (node.getCCVersion(CommandClasses['User Code']) ?? 1) >= 2;
  const frames = capabilities.bulkCodes ? packCodeFrames(writes, codeFrameRoom(target.driver, node, { supervised: true })) : writes.map((w) => [w]);
  const sent: Sent[] = [];
  target.duplicates.clear();
  for (const frame of frames) {
    signal?.throwIfAborted();
    let refused: string | null = null;
    let failed: string | null = null;
    target.inFlight.clear();
    for (const w of frame) target.inFlight.add(w.slot);
    try {
      const api = lockApi(node, 'User Code');
      const result = v2
        ? await api.setMany(frame.map((w) => (w.code ? { userId: w.slot, userIdStatus: UserIDStatus.Enabled, userCode: w.code } : { userId: w.slot, userIdStatus: UserIDStatus.Available })))
        : frame[0]!.code
          ? await api.set(frame[0]!.slot, UserIDStatus.Enabled, frame[0]!.code)
          : await api.clear(frame[0]!.slot);
      if (isSupervisionResult(result) && result.status === SupervisionStatus.Fail) refused = 'the lock answered that it failed';
    } catch (error) {
      // A withdrawn frame: the lock is not answering, and the frames after it would wait as long.
      throwIfNotAnswering(error);
      failed = error instanceof ZWaveError ? error.message : String(error);
      if (!(error instanceof ZWaveError)) throw error;
    }
    sent.push(...frame.map((w) => ({ ...w, refused, failed, frameSize: frame.length })));
  }
  target.inFlight.clear();
  return sent;
}

async function readBack(target: CodeWriteTarget, sent: readonly Sent[]): Promise<SlotOutcome[]> {
  if (sent.length === 0) return [];
  if (target.capabilities.tableChecksum && target.reported && sent.every((s) => !s.refused && !s.failed)) {
    const expected = new Map(target.reported);
    for (const s of sent) expected.set(s.slot, { slot: s.slot, state: s.code ? 'enabled' : 'available', code: s.code });
    const actual = await lockApi(target.node, 'User Code')
      .getUserCodeChecksum()
      .catch((error: unknown) => {
        throwIfNotAnswering(error);
        return undefined;
      });
    if (actual !== undefined && actual === tableChecksum(expected.values())) {
      target.reported = expected;
      return sent.map((s) => ({ slot: s.slot, outcome: s.code ? 'written' : 'cleared', detail: null }));
    }
  }
  const outcomes: SlotOutcome[] = [];
  for (const s of sent) outcomes.push(await confirmSlot(target, s));
  return outcomes;
}

async function confirmSlot(target: CodeWriteTarget, s: Sent): Promise<SlotOutcome> {
  const report = await readSlot(target.node, s.slot).catch((error: unknown) => {
    throwIfNotAnswering(error);
    return null;
  });
  if (!report) return { slot: s.slot, outcome: 'unconfirmed', detail: s.failed ?? 'the lock did not report the slot after the write' };
  target.reported?.set(s.slot, report);
  if (s.code === '' && report.state === 'available') return { slot: s.slot, outcome: 'cleared', detail: null };
  if (s.code !== '' && report.state === 'enabled' && holds(report.code, s.code)) return { slot: s.slot, outcome: 'written', detail: null };
  if (s.code !== '') {
    const other = [...(target.reported?.values() ?? [])].find((r) => r.slot !== s.slot && r.state !== 'available' && r.code === s.code);
    const noticed = target.duplicates.delete(s.slot) && (s.frameSize === 1 || !target.reported);
    if (noticed || other)
      return { slot: s.slot, outcome: 'duplicate', detail: other ? `slot ${other.slot} already holds this code` : 'the lock already holds this code in another slot' };
  }
  if (s.failed) return { slot: s.slot, outcome: 'unconfirmed', detail: s.failed };
  return { slot: s.slot, outcome: 'refused', detail: s.refused ?? `the lock reports the slot ${report.state}` };
}

/** Some locks report codes masked ("******"); a masked code of the right length counts as held. */
const holds = (reported: string, code: string): boolean => reported === code || (reported.length === code.length && /^\*+$/.test(reported));

