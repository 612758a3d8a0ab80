import { z } from 'zod';
import { DoorRef } from './credentials';
import { Id, Timestamp } from './primitives';

/*
 * Locks the console reaches live from the office (Z-Wave through a stick; Matter later), as
 * the Hardware page shows them. The protocol is a field, not a type of its own, so a second
 * protocol adds a value here and nothing else.
 */

export const LiveProtocol = z.enum(['zwave']);
export const LinkSecurity = z.enum(['strong', 'weak', 'none']);

export const LiveStick = z.object({ path: z.string(), label: z.string(), simulated: z.boolean() });
export type LiveStick = z.infer<typeof LiveStick>;

/** A code that ended (revoked, expired, used) and that this lock has not yet dropped. */
export const UnreachedRevoke = z.object({
  credentialId: Id,
  guestName: z.string(),
  slot: z.number().int(),
  since: Timestamp,
});
export type UnreachedRevoke = z.infer<typeof UnreachedRevoke>;

export const LiveLockView = z.object({
  nodeId: z.number().int(),
  /** The door the lock is assigned to; null for a lock included but not yet assigned. */
  door: DoorRef.nullable(),
  manufacturer: z.string(),
  product: z.string(),
  security: LinkSecurity,
  status: z.enum(['alive', 'asleep', 'dead', 'unknown']),
  batteryPercent: z.number().int().nullable(),
  batteryLow: z.boolean(),
  rssiDbm: z.number().nullable(),
  slots: z.object({ used: z.number().int(), total: z.number().int() }).nullable(),
  /** 'in_sync': the lock reported every desired code; 'pending': work is queued; 'failed': a code the lock refused. */
  sync: z.enum(['in_sync', 'pending', 'failed', 'unknown']),
  pendingSince: Timestamp.nullable(),
  /** When the queue next tries a lock that is dead or asleep. */
  nextAttemptAt: Timestamp.nullable(),
  unreachedRevokes: z.array(UnreachedRevoke),
  /** The last failure in staff's words ("The lock refused code for slot 4: it already holds it in slot 9"). */
  problem: z.string().nullable(),
});
export type LiveLockView = z.infer<typeof LiveLockView>;

export const InclusionView = z.object({
  state: z.enum(['idle', 'waiting_for_lock', 'waiting_for_pin', 'adding', 'waiting_for_exclusion', 'done', 'failed']),
  /** The lock's DSK with the part the technician types hidden, while waiting for the PIN. */
  dskHidden: z.string().nullable(),
  message: z.string().nullable(),
  /** The lock just added or removed. */
  nodeId: z.number().int().nullable(),
});
export type InclusionView = z.infer<typeof InclusionView>;

export const LiveNetworkOverview = z.object({
  sticks: z.array(LiveStick),
  network: z
    .object({ protocol: LiveProtocol, networkId: z.string(), label: z.string(), path: z.string(), simulated: z.boolean() })
    .nullable(),
  state: z.enum(['no_stick', 'opening', 'ready', 'lost']),
  message: z.string().nullable(),
  locks: z.array(LiveLockView),
  inclusion: InclusionView,
});
export type LiveNetworkOverview = z.infer<typeof LiveNetworkOverview>;

