import type { LiveLockView, UnreachedRevoke } from '../../../shared/domain';
import type { LiveLockInfo } from '../../devices/live/live-lock-network';
import type { Db } from '../../store/database';
import { doorRef } from '../../store/door-refs-repo';
import { doorSlotsAsOf } from '../../store/door-table-repo';
import { queuedLiveDoor } from '../../store/live-lock-queue-repo';
import { liveCredentialFacts, reportedSlots, type LiveLockRecord } from '../../store/live-locks-repo';

/**
 * A lock as the Hardware page shows it: what the network says now (status, signal) over what
 * the store keeps, and its door's sync: pending while work is queued, failed while the lock
 * refuses a desired code, in sync once the lock reported every code. A code still on the lock
 * whose credential left the door is an unreached revoke, shown with since when.
 */
export function liveLockView(db: Db, record: LiveLockRecord, live: LiveLockInfo | null, now: string): LiveLockView {
  const door = record.doorId ? doorRef(db, record.doorId) : null;
  const queued = record.doorId ? queuedLiveDoor(db, record.doorId) : null;
  const reported = record.doorId ? reportedSlots(db, record.doorId) : [];
  const refused = reported.filter((r) => r.state === 'refused');
  const desired = new Set(record.doorId ? doorSlotsAsOf(db, record.doorId, null).map((r) => r.credentialId) : []);
  const unreachedRevokes: UnreachedRevoke[] = reported.flatMap((r) => {
    if (r.state === 'refused' || !r.credentialId || desired.has(r.credentialId)) return [];
    const facts = liveCredentialFacts(db, record.doorId!, r.credentialId);
    return facts ? [{ credentialId: r.credentialId, guestName: facts.guestName, slot: r.slot, since: facts.removedAt ?? facts.endedAt ?? now }] : [];
  });
  const capabilities = live?.capabilities ?? record.capabilities;
  return {
    nodeId: record.nodeId,
    door,
    manufacturer: record.manufacturer,
    product: record.product,
    security: record.security,
    status: live?.status ?? record.status,
    batteryPercent: record.batteryPercent,
    batteryLow: record.batteryLow,
    rssiDbm: live?.rssiDbm ?? null,
    // A slot is used while it holds a code (enabled or disabled); one cleared or refused is free.
    slots: capabilities ? { used: reported.filter((r) => r.state === 'enabled' || r.state === 'disabled').length, total: capabilities.slots } : null,
    sync: !door ? 'unknown' : queued ? 'pending' : refused.length > 0 ? 'failed' : 'in_sync',
    pendingSince: queued?.pendingSince ?? null,
    nextAttemptAt: queued?.nextAttemptAt ?? null,
    unreachedRevokes,
    problem: queued?.problem ?? refused[0]?.problem ?? null,
  };
}
