import type { AccessType, DoorKind } from '../../shared/domain';
import type { Db } from './database';
import { scalar, statement } from './statement';

/*
 * What a door's slot capacity is computed from (src/main/capacity): the slots kept for staff
 * and emergency codes per lock model (migration 015), the door's live credentials and the
 * grants and ends of the last weeks, and the credentials staff could end first to make room.
 */

const reservedFor = scalar<[modelId: string], number>('SELECT reserved FROM slot_reservations WHERE lock_model_id = ?');

/** The slots a lock model keeps for staff and emergency codes (0 when no admin set any). */
export function reservedSlots(db: Db, modelId: string): number {
  return reservedFor(db).get(modelId) ?? 0;
}

const modelOfDoor = scalar<[doorId: string], string>('SELECT lock_model_id FROM doors WHERE id = ?');

/** The slots a door's lock model keeps for staff and emergency codes. */
export function reservedSlotsOnDoor(db: Db, doorId: string): number {
  const model = modelOfDoor(db).get(doorId);
  return model ? reservedSlots(db, model) : 0;
}

export interface SlotReservationRecord {
  modelId: string;
  reserved: number;
  changedAt: string;
  changedBy: string;
}

const allReservations = statement<[], SlotReservationRecord>(
  'SELECT lock_model_id AS modelId, reserved, changed_at AS changedAt, changed_by AS changedBy FROM slot_reservations',
);

export function slotReservations(db: Db): SlotReservationRecord[] {
  return allReservations(db).all();
}

const saveReservation = statement<SlotReservationRecord>(
  `INSERT INTO slot_reservations (lock_model_id, reserved, changed_at, changed_by) VALUES (@modelId, @reserved, @changedAt, @changedBy)
   ON CONFLICT (lock_model_id) DO UPDATE SET reserved = excluded.reserved, changed_at = excluded.changed_at, changed_by = excluded.changed_by`,
);

export function setSlotReservation(db: Db, r: SlotReservationRecord): void {
  saveReservation(db).run(r);
}

/** A door as its capacity is weighed: its model's slots and reservation, and a live lock's own count. */
export interface CapacityDoorRow {
  id: string;
  name: string;
  kind: DoorKind;
  buildingName: string | null;
  modelId: string;
  modelName: string;
  capabilitiesJson: string;
  reserved: number;
  liveCapabilitiesJson: string | null;
}

const capacityDoorColumns = `SELECT d.id, d.name, d.kind, coalesce(b.name, ub.name) AS buildingName, m.id AS modelId, m.name AS modelName,
    m.capabilities_json AS capabilitiesJson, coalesce(r.reserved, 0) AS reserved, l.capabilities_json AS liveCapabilitiesJson
  FROM doors d JOIN lock_models m ON m.id = d.lock_model_id
  LEFT JOIN slot_reservations r ON r.lock_model_id = m.id
  LEFT JOIN live_locks l ON l.door_id = d.id
  LEFT JOIN buildings b ON b.id = d.building_id
  LEFT JOIN units u ON u.id = d.unit_id LEFT JOIN buildings ub ON ub.id = u.building_id`;

const oneDoor = statement<[doorId: string], CapacityDoorRow>(`${capacityDoorColumns} WHERE d.id = ?`);
const everyDoor = statement<[], CapacityDoorRow>(`${capacityDoorColumns} ORDER BY d.name`);

export function capacityDoor(db: Db, doorId: string): CapacityDoorRow | null {
  return oneDoor(db).get(doorId) ?? null;
}

export function capacityDoors(db: Db): CapacityDoorRow[] {
  return everyDoor(db).all();
}

/** How full a door is and how fast it filled: slots held now, in the guests' range, and grants and ends since a moment. */
export interface DoorSlotCounts {
  live: number;
  liveInGuestSlots: number;
  addedSince: number;
  removedSince: number;
}

export const liveOnDoor = scalar<[doorId: string], number>('SELECT count(*) FROM door_credentials WHERE door_id = ? AND removed_at IS NULL');
export const liveInGuestSlots = scalar<[doorId: string, guestSlots: number], number>(
  'SELECT count(*) FROM door_credentials WHERE door_id = ? AND removed_at IS NULL AND slot <= ?',
);
export const addedSince = scalar<[doorId: string, since: string], number>('SELECT count(*) FROM door_credentials WHERE door_id = ? AND added_at >= ?');
export const removedSince = scalar<[doorId: string, since: string], number>('SELECT count(*) FROM door_credentials WHERE door_id = ? AND removed_at >= ?');

/** Each count reads one index of the door's rows only (tests/main/store/capacity-query-plans.test.ts). */
export function doorSlotCounts(db: Db, doorId: string, guestSlots: number, since: string): DoorSlotCounts {
  return {
    live: liveOnDoor(db).get(doorId) ?? 0,
    liveInGuestSlots: liveInGuestSlots(db).get(doorId, guestSlots) ?? 0,
    addedSince: addedSince(db).get(doorId, since) ?? 0,
    removedSince: removedSince(db).get(doorId, since) ?? 0,
  };
}

export const otherCodes = scalar<[doorId: string, doorId2: string], number>(
  `SELECT count(*) FROM live_lock_slots s WHERE s.door_id = ? AND s.state IN ('enabled', 'disabled')
     AND NOT EXISTS (SELECT 1 FROM door_credentials dc WHERE dc.door_id = ? AND dc.slot = s.slot AND dc.removed_at IS NULL)`,
);

/**
 * Codes a live lock reports in slots where the console wants none: set at the keypad (staff,
 * emergency) or ended and not yet dropped. They hold a slot on the lock all the same.
 */
export function otherCodesOnLiveLock(db: Db, doorId: string): number {
  return otherCodes(db).get(doorId, doorId) ?? 0;
}

/** A credential on a door that staff could end to make room. */
export interface EndFirstRow {
  credentialId: string;
  guestName: string;
  unitLabel: string;
  accessType: AccessType;
  kind: 'pin' | 'ble';
  createdAt: string;
  endsAt: string | null;
}

export const endFirst = statement<{ doorId: string; now: string; limit: number }, EndFirstRow>(
  `SELECT c.id AS credentialId, g.name AS guestName, b.name || ' ' || u.number AS unitLabel, c.access_type AS accessType, c.kind,
     c.created_at AS createdAt, c.ends_at AS endsAt
   FROM door_credentials dc JOIN credentials c ON c.id = dc.credential_id JOIN guests g ON g.id = c.guest_id
   JOIN units u ON u.id = c.unit_id JOIN buildings b ON b.id = u.building_id
   WHERE dc.door_id = @doorId AND dc.removed_at IS NULL AND c.access_type <> 'permanent'
   ORDER BY (c.ends_at IS NOT NULL AND c.ends_at <= @now) DESC, c.created_at, c.id
   LIMIT @limit`,
);

/**
 * What to end first on a door: credentials whose time is over but which still hold their slot
 * (the sweep has not ended them yet), then the oldest temporary, recurring and delivery ones.
 * Permanent credentials are never suggested: ending one is a decision about a resident's guest.
 */
export function endFirstOnDoor(db: Db, doorId: string, now: string, limit: number): EndFirstRow[] {
  return endFirst(db).all({ doorId, now, limit });
}

const guestsAbove = scalar<[modelId: string, firstReserved: number], number>(
  `SELECT count(DISTINCT dc.door_id) FROM door_credentials dc JOIN doors d ON d.id = dc.door_id
   WHERE d.lock_model_id = ? AND dc.removed_at IS NULL AND dc.slot >= ?`,
);

/** Doors of a model whose guests already hold a slot from `firstReserved` up: they keep it until their credential ends. */
export function doorsWithGuestsInSlotsFrom(db: Db, modelId: string, firstReserved: number): number {
  return guestsAbove(db).get(modelId, firstReserved) ?? 0;
}

const liveByDoor = statement<[], { doorId: string; live: number; highest: number }>(
  'SELECT door_id AS doorId, count(*) AS live, max(slot) AS highest FROM door_credentials WHERE removed_at IS NULL GROUP BY door_id',
);
const addedByDoor = statement<[since: string], { doorId: string; n: number }>(
  'SELECT door_id AS doorId, count(*) AS n FROM door_credentials WHERE added_at >= ? GROUP BY door_id',
);
const removedByDoor = statement<[since: string], { doorId: string; n: number }>(
  'SELECT door_id AS doorId, count(*) AS n FROM door_credentials WHERE removed_at >= ? GROUP BY door_id',
);

/** Every door's counts in three passes over indexes, for the Hardware page (a door absent holds nothing). */
export function everyDoorSlotCounts(db: Db, since: string): Map<string, { live: number; highest: number; addedSince: number; removedSince: number }> {
  const counts = new Map<string, { live: number; highest: number; addedSince: number; removedSince: number }>();
  const of = (doorId: string) => {
    let c = counts.get(doorId);
    if (!c) counts.set(doorId, (c = { live: 0, highest: 0, addedSince: 0, removedSince: 0 }));
    return c;
  };
  for (const r of liveByDoor(db).all()) Object.assign(of(r.doorId), { live: r.live, highest: r.highest });
  for (const r of addedByDoor(db).all(since)) of(r.doorId).addedSince = r.n;
  for (const r of removedByDoor(db).all(since)) of(r.doorId).removedSince = r.n;
  return counts;
}
