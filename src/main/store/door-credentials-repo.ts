import type { Db } from './database';
import { scalar, statement } from './statement';

/*
 * Doors' desired state: which credential each door holds in which slot. A grant runs these
 * once per covered door, ten thousand times in a building-wide bulk grant, so each is an
 * index lookup (tests/main/store/query-plans.test.ts) prepared once per database.
 */

// Read off the end of the index: max(slot) walks every live row of the door on this partial
// index (2,400 on an entrance at 10,000 units: 0.6–1 ms, against 0.05 ms), and a bulk grant
// or its preview asks once per door per unit.
export const highestSlot = scalar<[doorId: string], number | null>(
  'SELECT slot FROM door_credentials WHERE door_id = ? AND removed_at IS NULL ORDER BY slot DESC LIMIT 1',
);

export const lowestGap = scalar<{ door: string }, number | null>(
  `SELECT 1 AS slot WHERE NOT EXISTS (SELECT 1 FROM door_credentials WHERE door_id = @door AND slot = 1 AND removed_at IS NULL)
   UNION ALL
   SELECT min(dc.slot + 1) FROM door_credentials dc WHERE dc.door_id = @door AND dc.removed_at IS NULL
     AND NOT EXISTS (SELECT 1 FROM door_credentials n WHERE n.door_id = @door AND n.slot = dc.slot + 1 AND n.removed_at IS NULL)
   LIMIT 1`,
);

/** The highest slot in use on a door, or null when it holds nothing. */
export function highestLiveSlot(db: Db, doorId: string): number | null {
  return highestSlot(db).get(doorId) ?? null;
}

/** The lowest slot left free by a removed credential (slot 1 if free), or null when there is no gap. */
export function lowestFreeGap(db: Db, doorId: string): number | null {
  return lowestGap(db).get({ door: doorId }) ?? null;
}

// CROSS JOIN keeps SQLite on the code's index (a handful of rows) rather than the door's
// (tens of thousands on a perimeter reader).
export const pinOnDoor = scalar<[code: string, doorId: string], 1>(
  `SELECT 1 FROM credentials c CROSS JOIN door_credentials dc ON dc.credential_id = c.id
   WHERE c.pin_code = ? AND c.ended_at IS NULL AND dc.door_id = ? AND dc.removed_at IS NULL`,
);

/** Is this PIN code live on this door? */
export function pinLiveOnDoor(db: Db, doorId: string, code: string): boolean {
  return pinOnDoor(db).get(code, doorId) !== undefined;
}

export const pinsOnDoor = scalar<[doorId: string], string>(
  `SELECT c.pin_code FROM door_credentials dc JOIN credentials c ON c.id = dc.credential_id
   WHERE dc.door_id = ? AND dc.removed_at IS NULL AND c.pin_code IS NOT NULL`,
);

/** PIN codes live on a door right now, for uniqueness checks. Never leaves the access module. */
export function livePinCodes(db: Db, doorId: string): string[] {
  return pinsOnDoor(db).all(doorId);
}

const pinsOutsideVisit = scalar<[doorId: string, visitId: string], string>(
  `SELECT c.pin_code FROM door_credentials dc JOIN credentials c ON c.id = dc.credential_id
   WHERE dc.door_id = ? AND dc.removed_at IS NULL AND c.pin_code IS NOT NULL AND c.visit_id IS NOT ?`,
);

/** PIN codes live on a door but for a visit's own (which share one code). Never leaves the access module. */
export function livePinCodesOutsideVisit(db: Db, doorId: string, visitId: string): string[] {
  return pinsOutsideVisit(db).all(doorId, visitId);
}

const link = statement<[doorId: string, credentialId: string, slot: number, at: string]>(
  'INSERT INTO door_credentials (door_id, credential_id, slot, added_at) VALUES (?, ?, ?, ?)',
);

/** Puts a credential on a door, in a slot. */
export function linkDoor(db: Db, doorId: string, credentialId: string, slot: number, at: string): void {
  link(db).run(doorId, credentialId, slot, at);
}

export const liveDoorsOf = scalar<[credentialId: string], string>(
  'SELECT door_id FROM door_credentials WHERE credential_id = ? AND removed_at IS NULL',
);

// One statement answering the doors it took the credential off: a first pull ends tens of
// thousands (`+?`: a fixed plan, not planned again per credential, statement.ts).
const unlink = scalar<[at: string, credentialId: string], string>(
  'UPDATE door_credentials SET removed_at = ? WHERE credential_id = +? AND removed_at IS NULL RETURNING door_id',
);

/** Takes a credential off every door that holds it (the rows stay, for history). Answers those doors. */
export function unlinkCredential(db: Db, credentialId: string, at: string): string[] {
  return unlink(db).all(at, credentialId);
}

export const doorChanged = statement<{ doorId: string; at: string }>(
  `UPDATE doors SET
     desired_changed_at = CASE WHEN reported_version IS NOT NULL AND desired_version <= reported_version
                               THEN @at ELSE coalesce(desired_changed_at, @at) END,
     desired_version = desired_version + 1
   WHERE id = @doorId`,
);

/** Doors marked changed while a batch defers its marks: each door's first time. */
const deferredMarks = new WeakMap<Db, Map<string, string>>();

/** Records that the console wants a door to change; "pending since" keeps the oldest change. */
export function markDoorChanged(db: Db, doorId: string, at: string): void {
  const deferred = deferredMarks.get(db);
  if (deferred) {
    if (!deferred.has(doorId)) deferred.set(doorId, at);
    return;
  }
  doorChanged(db).run({ doorId, at });
}

/**
 * Runs `body` (inside the caller's transaction) with each door it marks changed marked once, at
 * its end, with the first time it was marked: a door's versions are only compared, so once is
 * as good as a thousand times. A first pull marks the community's entrances at every grant and
 * every end: 16,000 updates of a few rows for 20,000 changes.
 */
export function withDoorMarksDeferred<T>(db: Db, body: () => T): T {
  if (deferredMarks.has(db)) return body();
  const marks = new Map<string, string>();
  deferredMarks.set(db, marks);
  let result: T;
  try {
    result = body();
  } finally {
    deferredMarks.delete(db);
  }
  for (const [doorId, at] of marks) doorChanged(db).run({ doorId, at });
  return result;
}
