import type { AccessContext } from '../../access/access-context';
import { recordDoorUse } from '../../access/record-door-use';
import type { LiveLockEvent } from '../../devices/live/live-lock-network';
import { PorterError } from '../../../shared/errors';
import { appendAudit } from '../../store/audit-log';
import { credentialInSlotAt, doorById } from '../../store/door-table-repo';
import { liveCredentialFacts, liveLock, setLiveLockBattery, setLiveLockBolt, setLiveLockStatus } from '../../store/live-locks-repo';
import { runUserAction } from '../../store/user-action';

type AccessEvent = Extract<LiveLockEvent, { kind: 'access' }>;

const accessWords: Record<AccessEvent['access'], string> = {
  keypad_unlock: 'was unlocked at its keypad',
  keypad_lock: 'was locked at its keypad',
  wrong_code: 'refused a wrong code at its keypad',
  tamper: 'reported tampering',
  jammed: 'reported its bolt jammed',
  manual_unlock: 'was unlocked by hand',
  manual_lock: 'was locked by hand',
};

/**
 * What a lock's own news changes in the console: its status, bolt and battery (the battery on
 * the door too, where the grid reads it), and the activity log for keypad use, wrong codes,
 * tampering and a jammed bolt, with the guest whose credential held the slot. A delivery code
 * used at the keypad ends as a delivery code used at any door does. Answers the lock's door.
 */
export function recordLiveLockEvent(ctx: AccessContext, networkId: string, event: Exclude<LiveLockEvent, { kind: 'network_lost' | 'lock_added' | 'lock_removed' | 'code_changed' }>): string | null {
  const { db } = ctx;
  switch (event.kind) {
    case 'status':
      setLiveLockStatus(db, networkId, event.nodeId, event.status);
      return liveLock(db, networkId, event.nodeId)?.doorId ?? null;
    case 'bolt':
      setLiveLockBolt(db, networkId, event.nodeId, event.locked);
      return liveLock(db, networkId, event.nodeId)?.doorId ?? null;
    case 'battery':
      return recordBattery(ctx, networkId, event);
    case 'access':
      return recordAccess(ctx, networkId, event);
  }
}

function recordBattery(ctx: AccessContext, networkId: string, event: Extract<LiveLockEvent, { kind: 'battery' }>): string | null {
  const wasLow = liveLock(ctx.db, networkId, event.nodeId)?.batteryLow ?? false;
  return runUserAction(ctx.db, () => {
    const doorId = setLiveLockBattery(ctx.db, networkId, event.nodeId, event.percent, event.low);
    const door = doorId ? doorById(ctx.db, doorId) : null;
    // Once when it turns low, not at every report after.
    const record =
      event.low && !wasLow && door
        ? { audit: { at: ctx.now().toISOString(), actor: door.name, action: 'door.event' as const, subjectId: door.id, summary: `${door.name} reported a low battery (${event.percent}%)`, details: { doorId: door.id, event: 'battery_low', percent: event.percent, nodeId: event.nodeId } }, mutation: null }
        : null;
    return { result: doorId, record };
  });
}

function recordAccess(ctx: AccessContext, networkId: string, event: AccessEvent): string | null {
  const doorId = liveLock(ctx.db, networkId, event.nodeId)?.doorId ?? null;
  const door = doorId ? doorById(ctx.db, doorId) : null;
  if (!door) return null;
  const at = ctx.now().toISOString();
  const credentialId = event.slot === null ? null : credentialInSlotAt(ctx.db, door.id, event.slot, at);
  const guest = credentialId ? liveCredentialFacts(ctx.db, door.id, credentialId)?.guestName : null;
  const who = event.slot === null ? '' : guest ? ` with ${guest}’s code (slot ${event.slot})` : ` with the code in slot ${event.slot}, which holds no Porter credential`;
  runUserAction(ctx.db, () => {
    appendAudit(ctx.db, { at, actor: door.name, action: 'door.event', subjectId: credentialId ?? door.id, summary: `${door.name} ${accessWords[event.access]}${who}`, details: { doorId: door.id, event: event.access, slot: event.slot, credentialId, nodeId: event.nodeId } });
    return { result: undefined, record: null };
  });
  if (event.access === 'keypad_unlock' && credentialId) {
    try {
      recordDoorUse(ctx, { credentialId, doorId: door.id, doorName: door.name, at });
    } catch (error) {
      // The credential already ended (revoked, or used at another door first): nothing to end.
      if (!(error instanceof PorterError)) throw error;
    }
  }
  return door.id;
}

/** A slot changed at the lock without Porter (its own keypad, another controller): said in the activity log, before Porter puts the door's table back. */
export function recordCodeChanged(ctx: AccessContext, doorId: string, event: Extract<LiveLockEvent, { kind: 'code_changed' }>): void {
  const door = doorById(ctx.db, doorId);
  if (!door) return;
  runUserAction(ctx.db, () => {
    appendAudit(ctx.db, { at: ctx.now().toISOString(), actor: door.name, action: 'door.event', subjectId: door.id, summary: `${door.name}’s lock reports slot ${event.slot} changed at its keypad; Porter puts back what the door should hold`, details: { doorId: door.id, event: 'code_changed', slot: event.slot, nodeId: event.nodeId } });
    return { result: undefined, record: null };
  });
}
