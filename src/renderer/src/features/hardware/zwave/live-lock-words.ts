import type { LiveLockView, LiveNetworkOverview } from '../../../../../shared/domain';
import { assertNever } from '../../../../../shared/errors';
import { dbm, signalLevel, signalWord, type SignalLevel } from '../bluetooth-labels';
import { count } from '../hardware-labels';

/**
 * The words of the Hardware page's Z-Wave section: the stick and its network, each lock's row,
 * and the steps of adding or removing a lock. Pure, so the section's states are tested without a DOM.
 */

export type Tone = 'neutral' | 'good' | 'warn' | 'bad' | 'accent';
export interface Word {
  text: string;
  tone: Tone;
}
/** Formats an instant in the community's zone ("Mar 4, 2:05 PM"). */
export type FormatTime = (iso: string) => string;

export function networkStateWord(state: LiveNetworkOverview['state']): Word {
  switch (state) {
    case 'no_stick':
      return { text: 'No stick', tone: 'neutral' };
    case 'opening':
      return { text: 'Opening', tone: 'accent' };
    case 'ready':
      return { text: 'Ready', tone: 'good' };
    case 'lost':
      return { text: 'Stick lost', tone: 'bad' };
    default:
      return assertNever(state, 'Z-Wave network state');
  }
}

/** The heading's count: "3 locks · 1 pending · 1 low battery". */
export function networkSummary(overview: LiveNetworkOverview): string {
  const { locks } = overview;
  const parts = [count(locks.length, 'lock')];
  const pending = locks.filter((l) => l.door && l.sync === 'pending').length;
  const failed = locks.filter((l) => l.door && l.sync === 'failed').length;
  const low = locks.filter((l) => l.batteryLow).length;
  const unassigned = locks.filter((l) => !l.door).length;
  if (pending) parts.push(`${pending.toLocaleString()} pending`);
  if (failed) parts.push(`${failed.toLocaleString()} failed`);
  if (low) parts.push(`${low.toLocaleString()} low battery`);
  if (unassigned) parts.push(`${unassigned.toLocaleString()} not assigned`);
  return parts.join(' · ');
}

/** Whether the section tells what to plug in: no stick at all, or the one in use was unplugged. */
export function needsStick(overview: LiveNetworkOverview): boolean {
  return overview.network === null && (overview.state === 'no_stick' || overview.state === 'lost');
}

export interface SecurityWord extends Word {
  /** Why it matters, for the cell's title and screen readers. */
  why: string;
}

export function securityWord(security: LiveLockView['security']): SecurityWord {
  switch (security) {
    case 'strong':
      return { text: 'S2', tone: 'good', why: 'S2 Access Control: the lock was added with its DSK PIN and every code travels encrypted under its own key.' };
    case 'weak':
      return {
        text: 'S0 — weaker',
        tone: 'warn',
        why: 'S0 only: the lock’s key was sent over the air when it joined, so someone listening then could read its codes. Replace it with an S2 lock when you can.',
      };
    case 'none':
      return { text: 'None', tone: 'bad', why: 'No security: codes travel in the clear. Porter does not set codes on such a lock.' };
    default:
      return assertNever(security, 'link security');
  }
}

export function lockStatusWord(status: LiveLockView['status']): Word {
  switch (status) {
    case 'alive':
      return { text: 'Alive', tone: 'good' };
    case 'asleep':
      return { text: 'Asleep', tone: 'neutral' };
    case 'dead':
      return { text: 'Dead', tone: 'bad' };
    case 'unknown':
      return { text: 'Unknown', tone: 'neutral' };
    default:
      return assertNever(status, 'lock status');
  }
}

/** "82 %", or null when the lock has not reported its battery. */
export function batteryText(lock: Pick<LiveLockView, 'batteryPercent'>): string | null {
  return lock.batteryPercent === null ? null : `${lock.batteryPercent} %`;
}

/** The signal as the stick last heard the lock, when it reports one. */
export function signalOf(rssiDbm: number | null): { level: SignalLevel; word: string; dbm: string } | null {
  if (rssiDbm === null) return null;
  const level = signalLevel(rssiDbm);
  return { level, word: signalWord[level], dbm: dbm(rssiDbm) };
}

export interface SyncWord extends Word {
  /** 'in_sync', 'pending', 'failed' or 'unknown': the status dot's colour. */
  status: LiveLockView['sync'];
  /** What went wrong, in staff's words: why a sync failed, or why it is still pending (a lock not answering). */
  problem: string | null;
}

/** Whether the lock holds the codes its door should: "In sync", "Pending since …", "Failed". */
export function syncWord(lock: LiveLockView, time: FormatTime): SyncWord | null {
  if (!lock.door) return null;
  switch (lock.sync) {
    case 'in_sync':
      return { status: 'in_sync', text: 'In sync', tone: 'good', problem: null };
    case 'pending':
      return { status: 'pending', text: lock.pendingSince ? `Pending since ${time(lock.pendingSince)}` : 'Pending', tone: 'warn', problem: lock.problem };
    case 'failed':
      return { status: 'failed', text: 'Failed', tone: 'bad', problem: lock.problem ?? 'The lock refused a change; Porter tries again.' };
    case 'unknown':
      return { status: 'unknown', text: 'Not read yet', tone: 'neutral', problem: null };
    default:
      return assertNever(lock.sync, 'lock sync');
  }
}

/** A code that ended and is still on the lock: who it was for, and since when Porter has tried to remove it. */
export function unreachedRevokeText(revoke: LiveLockView['unreachedRevokes'][number], time: FormatTime): string {
  return `Revoked code for ${revoke.guestName} not yet removed, since ${time(revoke.since)}`;
}

/** When the queue next tries a lock that is dead or asleep. */
export function nextAttemptText(lock: LiveLockView, time: FormatTime): string | null {
  return lock.nextAttemptAt ? time(lock.nextAttemptAt) : null;
}

/** "Yale Assure Lock 2": the maker and the product, without the maker twice when the product already names it. */
export function lockModelName(lock: Pick<LiveLockView, 'manufacturer' | 'product'>): string {
  const { manufacturer, product } = lock;
  if (!manufacturer) return product;
  return product.toLowerCase().startsWith(manufacturer.toLowerCase()) ? product : `${manufacturer} ${product}`.trim();
}

/** "Yale Assure Lock 2 (node 7)": how the dialogs name a lock. */
export function liveLockName(lock: Pick<LiveLockView, 'manufacturer' | 'product' | 'nodeId'>): string {
  const made = lockModelName(lock);
  return made ? `${made} (node ${lock.nodeId})` : `Node ${lock.nodeId}`;
}
