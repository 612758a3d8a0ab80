import { UserIDStatus, ZWaveError, ZWaveErrorCodes, type ZWaveNode } from 'zwave-js';
import type { ReportedCode } from '../live/live-lock-network';
import { lockApi } from './lock-commands';

/*
 * User Code CC, slot by slot, as the lock reports it. The driver does the framing, security and
 * retries; this file only turns its answers into Porter's words.
 */

export function reportedState(status: UserIDStatus | undefined): ReportedCode['state'] {
  switch (status) {
    case UserIDStatus.Enabled:
    case UserIDStatus.Messaging:
    case UserIDStatus.PassageMode:
      return 'enabled';
    case UserIDStatus.Disabled:
      return 'disabled';
    default:
      return 'available';
  }
}

const asText = (code: string | Uint8Array | undefined): string =>
  code === undefined ? '' : typeof code === 'string' ? code : Buffer.from(code).toString('ascii');

export function reportedCode(slot: number, status: UserIDStatus | undefined, code: string | Uint8Array | undefined): ReportedCode {
  const state = reportedState(status);
  return { slot, state, code: state === 'available' ? '' : asText(code) };
}

/** One slot as the lock reports it now; null when the lock did not answer. */
export async function readSlot(node: ZWaveNode, slot: number): Promise<ReportedCode | null> {
  const answer = await lockApi(node, 'User Code').get(slot);
  return answer ? reportedCode(slot, answer.userIdStatus, answer.userCode) : null;
}

/**
 * Every slot: several per report where the lock can (Extended User Code Report), one Get per
 * slot otherwise. Throws when the lock stops answering: a partial table is not the lock's table.
 */
export async function readAllSlots(node: ZWaveNode, slots: number, multiple: boolean, signal?: AbortSignal): Promise<ReportedCode[]> {
  const table: ReportedCode[] = [];
  let next = 1;
  while (next >= 1 && next <= slots) {
    signal?.throwIfAborted();
    if (multiple) {
      const answer = await lockApi(node, 'User Code').get(next, true);
      if (!answer) throw noAnswer(node);
      for (const c of answer.userCodes) if (c.userId <= slots) table.push(reportedCode(c.userId, c.userIdStatus, c.userCode));
      // The lock names the next occupied slot; 0 when there is none.
      next = answer.nextUserId > next ? answer.nextUserId : 0;
    } else {
      const code = await readSlot(node, next);
      if (!code) throw noAnswer(node);
      table.push(code);
      next += 1;
    }
  }
  // Slots the lock skipped over (Extended reports name only occupied ones) are available.
  const bySlot = new Map(table.map((c) => [c.slot, c]));
  return Array.from({ length: slots }, (_, i) => bySlot.get(i + 1) ?? { slot: i + 1, state: 'available', code: '' });
}

function noAnswer(node: ZWaveNode): Error {
  return new ZWaveError(`Lock ${node.id} did not report its codes.`, ZWaveErrorCodes.Controller_NodeTimeout);
}

/** Whether a send failed because the frame may not have reached the lock (as opposed to the lock refusing it). */
export function isTransmitFailure(error: unknown): boolean {
  return error instanceof ZWaveError;
}
