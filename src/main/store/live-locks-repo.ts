import type { LiveLockCapabilities, LiveLockInfo, LiveLockStatus, LinkSecurity } from '../devices/live/live-lock-network';
import type { Db } from './database';
import { recordingDroppedCodes } from './exposure-repo';
import { statement } from './statement';

/*
 * Live locks (migration 014): the locks of a stick's network, the door each is assigned to,
 * and what each reported. The desired table is the door's (door_credentials); the queue is
 * in live-lock-queue-repo.ts.
 */

export interface LiveLockRecord {
  networkId: string;
  nodeId: number;
  doorId: string | null;
  manufacturer: string;
  product: string;
  security: LinkSecurity;
  status: LiveLockStatus;
  batteryPercent: number | null;
  batteryLow: boolean;
  boltLocked: boolean | null;
  capabilities: LiveLockCapabilities | null;
  includedAt: string;
  assignedAt: string | null;
}

interface LiveLockRow extends Omit<LiveLockRecord, 'capabilities' | 'batteryLow' | 'boltLocked'> {
  capabilitiesJson: string | null;
  batteryLow: number;
  boltLocked: number | null;
}

const columns = `network_id AS networkId, node_id AS nodeId, door_id AS doorId, manufacturer, product, security, status,
  battery_percent AS batteryPercent, battery_low AS batteryLow, bolt_locked AS boltLocked,
  capabilities_json AS capabilitiesJson, included_at AS includedAt, assigned_at AS assignedAt`;

function toRecord(r: LiveLockRow): LiveLockRecord {
  const { capabilitiesJson, batteryLow, boltLocked, ...rest } = r;
  return {
    ...rest,
    batteryLow: batteryLow === 1,
    boltLocked: boltLocked === null ? null : boltLocked === 1,
    capabilities: capabilitiesJson ? (JSON.parse(capabilitiesJson) as LiveLockCapabilities) : null,
  };
}

const forDoor = statement<[doorId: string], { nodeId: number; capabilitiesJson: string | null }>(
  'SELECT node_id AS nodeId, capabilities_json AS capabilitiesJson FROM live_locks WHERE door_id = ?',
);

/** The live lock assigned to a door (its node and what it can hold), or null for a door without one. */
export function liveLockForDoor(db: Db, doorId: string): { nodeId: number; capabilities: LiveLockCapabilities | null } | null {
  const r = forDoor(db).get(doorId);
  if (!r) return null;
  return { nodeId: r.nodeId, capabilities: r.capabilitiesJson ? (JSON.parse(r.capabilitiesJson) as LiveLockCapabilities) : null };
}

const ofNetwork = statement<[networkId: string], LiveLockRow>(`SELECT ${columns} FROM live_locks WHERE network_id = ? ORDER BY node_id`);

export function liveLocksOf(db: Db, networkId: string): LiveLockRecord[] {
  return ofNetwork(db).all(networkId).map(toRecord);
}

const one = statement<[networkId: string, nodeId: number], LiveLockRow>(`SELECT ${columns} FROM live_locks WHERE network_id = ? AND node_id = ?`);

export function liveLock(db: Db, networkId: string, nodeId: number): LiveLockRecord | null {
  const r = one(db).get(networkId, nodeId);
  return r ? toRecord(r) : null;
}

const upsert = statement<{
  networkId: string;
  nodeId: number;
  manufacturer: string;
  product: string;
  security: LinkSecurity;
  status: LiveLockStatus;
  batteryPercent: number | null;
  batteryLow: number;
  capabilitiesJson: string | null;
  at: string;
}>(
  `INSERT INTO live_locks (network_id, node_id, manufacturer, product, security, status, battery_percent, battery_low, capabilities_json, included_at)
   VALUES (@networkId, @nodeId, @manufacturer, @product, @security, @status, @batteryPercent, @batteryLow, @capabilitiesJson, @at)
   ON CONFLICT (network_id, node_id) DO UPDATE SET manufacturer = excluded.manufacturer, product = excluded.product,
     security = excluded.security, status = excluded.status,
     battery_percent = coalesce(excluded.battery_percent, battery_percent), battery_low = excluded.battery_low,
     capabilities_json = coalesce(excluded.capabilities_json, capabilities_json)`,
);

/** Keeps a lock's row in step with what the network says of it (inserted when first seen). */
export function saveLiveLock(db: Db, networkId: string, info: LiveLockInfo, at: string): void {
  upsert(db).run({
    networkId,
    nodeId: info.nodeId,
    manufacturer: info.manufacturer,
    product: info.product,
    security: info.security,
    status: info.status,
    batteryPercent: info.batteryPercent,
    batteryLow: info.batteryLow ? 1 : 0,
    capabilitiesJson: info.capabilities ? JSON.stringify(info.capabilities) : null,
    at,
  });
}

const remove = statement<[networkId: string, nodeId: number]>('DELETE FROM live_locks WHERE network_id = ? AND node_id = ?');
const forgetSlots = statement<[doorId: string]>('DELETE FROM live_lock_slots WHERE door_id = ?');

/** A lock excluded from the network: its door no longer has a live lock, nor what it reported. */
export function removeLiveLock(db: Db, networkId: string, nodeId: number): string | null {
  const doorId = liveLock(db, networkId, nodeId)?.doorId ?? null;
  if (doorId) forgetSlots(db).run(doorId);
  remove(db).run(networkId, nodeId);
  return doorId;
}

const unassignDoor = statement<[doorId: string]>('UPDATE live_locks SET door_id = NULL, assigned_at = NULL WHERE door_id = ?');
const assignNode = statement<[doorId: string, at: string, networkId: string, nodeId: number]>(
  'UPDATE live_locks SET door_id = ?, assigned_at = ? WHERE network_id = ? AND node_id = ?',
);
// A door that becomes live leaves the technician's round: until the lock reports, it has never been programmed.
const doorBecomesLive = statement<[doorId: string]>(
  'UPDATE doors SET reported_version = NULL, reported_at = NULL, reported_checksum = NULL WHERE id = ?',
);

/**
 * Assigns a lock to a door: the door's previous lock (if any) is left unassigned, the lock's
 * previous door forgets what it reported, and nothing is known of the lock's slots until it
 * is read. Answers the door the lock left, if any.
 */
export function assignLiveLock(db: Db, networkId: string, nodeId: number, doorId: string, at: string): string | null {
  const previous = liveLock(db, networkId, nodeId)?.doorId ?? null;
  if (previous) forgetSlots(db).run(previous);
  forgetSlots(db).run(doorId);
  unassignDoor(db).run(doorId);
  assignNode(db).run(doorId, at, networkId, nodeId);
  doorBecomesLive(db).run(doorId);
  return previous === doorId ? null : previous;
}

const status = statement<[status: LiveLockStatus, networkId: string, nodeId: number]>(
  'UPDATE live_locks SET status = ? WHERE network_id = ? AND node_id = ?',
);

export function setLiveLockStatus(db: Db, networkId: string, nodeId: number, s: LiveLockStatus): void {
  status(db).run(s, networkId, nodeId);
}

const bolt = statement<[locked: number, networkId: string, nodeId: number]>(
  'UPDATE live_locks SET bolt_locked = ? WHERE network_id = ? AND node_id = ?',
);

export function setLiveLockBolt(db: Db, networkId: string, nodeId: number, locked: boolean): void {
  bolt(db).run(locked ? 1 : 0, networkId, nodeId);
}

const battery = statement<[percent: number, low: number, networkId: string, nodeId: number]>(
  'UPDATE live_locks SET battery_percent = ?, battery_low = ? WHERE network_id = ? AND node_id = ?',
);
const doorBattery = statement<[percent: number, doorId: string]>('UPDATE doors SET battery_percent = ? WHERE id = ?');

/** A battery report: on the lock, and on its door, where the grid reads a low battery. */
export function setLiveLockBattery(db: Db, networkId: string, nodeId: number, percent: number, low: boolean): string | null {
  battery(db).run(percent, low ? 1 : 0, networkId, nodeId);
  const doorId = liveLock(db, networkId, nodeId)?.doorId ?? null;
  if (doorId) doorBattery(db).run(percent, doorId);
  return doorId;
}

/** One slot as the lock last reported it, with the credential the console wrote there. */
export interface ReportedSlotRecord {
  slot: number;
  credentialId: string | null;
  codeDigest: string | null;
  state: 'available' | 'enabled' | 'disabled' | 'refused';
  problem: string | null;
  reportedAt: string;
}

const slotsOf = statement<[doorId: string], ReportedSlotRecord>(
  `SELECT slot, credential_id AS credentialId, code_digest AS codeDigest, state, problem, reported_at AS reportedAt
   FROM live_lock_slots WHERE door_id = ? ORDER BY slot`,
);

export function reportedSlots(db: Db, doorId: string): ReportedSlotRecord[] {
  return slotsOf(db).all(doorId);
}

const saveSlot = statement<{
  doorId: string;
  slot: number;
  credentialId: string | null;
  codeDigest: string | null;
  state: ReportedSlotRecord['state'];
  problem: string | null;
  reportedAt: string;
}>(
  `INSERT INTO live_lock_slots (door_id, slot, credential_id, code_digest, state, problem, reported_at)
   VALUES (@doorId, @slot, @credentialId, @codeDigest, @state, @problem, @reportedAt)
   ON CONFLICT (door_id, slot) DO UPDATE SET credential_id = excluded.credential_id, code_digest = excluded.code_digest,
     state = excluded.state, problem = excluded.problem, reported_at = excluded.reported_at`,
);
const dropSlot = statement<[doorId: string, slot: number]>('DELETE FROM live_lock_slots WHERE door_id = ? AND slot = ?');

/** What the lock reported for a slot; 'available' forgets the slot (an empty slot needs no row). */
export function recordReportedSlot(db: Db, doorId: string, r: ReportedSlotRecord): void {
  recordingDroppedCodes(db, doorId, r.reportedAt, () => writeSlot(db, doorId, r));
}

function writeSlot(db: Db, doorId: string, r: ReportedSlotRecord): void {
  if (r.state === 'available') dropSlot(db).run(doorId, r.slot);
  else saveSlot(db).run({ doorId, ...r });
}

/** The lock was read whole: its slots are exactly these. */
export function replaceReportedSlots(db: Db, doorId: string, slots: readonly ReportedSlotRecord[]): void {
  // The read's instant is the newest slot's; a lock read back empty has none, so the write's own.
  const at = slots.reduce((latest, s) => (s.reportedAt > latest ? s.reportedAt : latest), '') || new Date().toISOString();
  recordingDroppedCodes(db, doorId, at, () => {
    forgetSlots(db).run(doorId);
    for (const s of slots) writeSlot(db, doorId, s);
  });
}

const inSync = statement<{ version: number; at: string; doorId: string }>(
  `UPDATE doors SET reported_version = @version, reported_at = @at,
     desired_changed_at = CASE WHEN desired_version > @version THEN desired_changed_at ELSE NULL END
   WHERE id = @doorId`,
);

/** The lock reported every code of the door's desired table as of `version`: the grid shows it in sync. */
export function recordLiveDoorInSync(db: Db, doorId: string, version: number, at: string): void {
  inSync(db).run({ version, at, doorId });
}

const facts = statement<[doorId: string, credentialId: string], { guestName: string; removedAt: string | null; endedAt: string | null }>(
  `SELECT g.name AS guestName,
     (SELECT max(dc.removed_at) FROM door_credentials dc WHERE dc.door_id = ? AND dc.credential_id = c.id) AS removedAt,
     c.ended_at AS endedAt
   FROM credentials c JOIN guests g ON g.id = c.guest_id WHERE c.id = ?`,
);

/** Whose a credential on a live door is, and since when it has been off the door (revoked, ended). */
export function liveCredentialFacts(db: Db, doorId: string, credentialId: string): { guestName: string; removedAt: string | null; endedAt: string | null } | null {
  return facts(db).get(doorId, credentialId) ?? null;
}

const assigned = statement<[networkId: string], { nodeId: number; doorId: string }>(
  'SELECT node_id AS nodeId, door_id AS doorId FROM live_locks WHERE network_id = ? AND door_id IS NOT NULL',
);

/** The doors of a network's assigned locks. */
export function assignedLiveDoors(db: Db, networkId: string): { nodeId: number; doorId: string }[] {
  return assigned(db).all(networkId);
}

const ahead = statement<[], string>(
  `SELECT d.id FROM live_locks l JOIN doors d ON d.id = l.door_id
   WHERE d.reported_version IS NULL OR d.desired_version > d.reported_version`,
  { pluck: true },
);

/** Live doors whose desired table is ahead of what their lock last confirmed. */
export function liveDoorsAhead(db: Db): string[] {
  return ahead(db).all();
}
