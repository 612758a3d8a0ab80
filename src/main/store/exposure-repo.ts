import { droppedWords, type DoorLink, type EndReason } from '../../shared/domain';
import { appendAudit } from './audit-log';
import type { Db } from './database';
import { statement } from './statement';

/** One door still holding one ended credential, as the store answers it (ordered by credential). */
export interface ExposureRow {
  credentialId: string;
  unitId: string;
  unitLabel: string;
  guestName: string;
  kind: 'pin' | 'ble';
  endReason: EndReason;
  endedAt: string;
  doorId: string;
  doorName: string;
  link: DoorLink;
}

/**
 * What each door still holds of an ended credential, for every link kind at once:
 * - a door reached on a technician's round (key-programmer or Bluetooth lock) holds its
 *   door_credentials rows as of doors.reported_at (door-table-repo.ts), so a row removed after
 *   that instant is still on the lock; only a door whose desired state moved on can hold one;
 * - a live lock (Z-Wave) holds what it last confirmed per slot (live_lock_slots, 'enabled').
 * `ended` keeps the rows whose credential ended, through migration 021's index alone: the
 * names are joined only for the rows answered. Never a code: whose it is, how and when it ended.
 */
const endedSql = (doorFilter: (column: string) => string, credentialFilter = ''): string => `
WITH held(door_id, credential_id, link) AS MATERIALIZED (
  SELECT d.id, dc.credential_id, 'round'
  FROM doors d JOIN door_credentials dc
    ON dc.door_id = d.id AND dc.removed_at > d.reported_at AND dc.added_at <= d.reported_at
  WHERE d.reported_at IS NOT NULL AND d.desired_version > d.reported_version ${doorFilter('d.id')}
    AND NOT EXISTS (SELECT 1 FROM live_locks l WHERE l.door_id = d.id)
  UNION ALL
  SELECT s.door_id, s.credential_id, 'live'
  FROM live_locks l CROSS JOIN live_lock_slots s ON s.door_id = l.door_id
  WHERE s.state = 'enabled' AND s.credential_id IS NOT NULL ${doorFilter('s.door_id')}
),
ended(door_id, credential_id, link, ended_at) AS MATERIALIZED (
  SELECT h.door_id, h.credential_id, h.link, c.ended_at
  FROM held h CROSS JOIN credentials c INDEXED BY credentials_ended
    ON c.id = h.credential_id AND c.ended_at IS NOT NULL ${credentialFilter}
)`;

/** The named rows of `from` (aliased e, with ended's columns), with `columns` before them. */
const namedRowsSql = (from: string, columns = ''): string => `
SELECT ${columns} c.id AS credentialId, c.unit_id AS unitId, b.name || ' ' || u.number AS unitLabel, g.name AS guestName,
       c.kind, c.end_reason AS endReason, c.ended_at AS endedAt, e.door_id AS doorId, d.name AS doorName, e.link
FROM ${from}
CROSS JOIN credentials c ON c.id = e.credential_id
JOIN guests g ON g.id = c.guest_id
JOIN units u ON u.id = c.unit_id JOIN buildings b ON b.id = u.building_id
CROSS JOIN doors d ON d.id = e.door_id
ORDER BY c.ended_at, c.id, d.name`;

/** How many ended credentials doors still hold, on how many doors, since when: the Units page's figure. */
export interface ExposureSummary {
  credentialCount: number;
  doorCount: number;
  oldestSince: string | null;
}

/** The figure over `ended`, as one row. */
const figureSql = 'SELECT count(DISTINCT credential_id) AS credentialCount, count(DISTINCT door_id) AS doorCount, min(ended_at) AS oldestSince FROM ended';

/** One of the community's rows: an exposed door of a listed credential, with the figure over them all. */
type FiguredRow = ExposureSummary & ExposureRow;

/**
 * The community's figure and the rows of its `limit` longest exposed credentials in one statement:
 * `held` and `ended` are materialized once for both. Every row carries the figure; no row means
 * nothing is exposed (the list holds at least one credential whenever `ended` holds one).
 */
const communityExposure = statement<[limit: number], FiguredRow>(`${endedSql(() => '')},
figure AS MATERIALIZED (${figureSql}),
listed(credential_id) AS MATERIALIZED (
  SELECT credential_id FROM ended GROUP BY credential_id ORDER BY min(ended_at), credential_id LIMIT ?
)
${namedRowsSql('figure f CROSS JOIN listed l CROSS JOIN ended e ON e.credential_id = l.credential_id', 'f.credentialCount, f.doorCount, f.oldestSince,')}`);

const exposureOfUnit = statement<{ unitId: string }, ExposureRow>(`${endedSql(() => '', 'AND c.unit_id = @unitId')}
${namedRowsSql('ended e')}`);

const exposureOfDoor = statement<{ doorId: string }, ExposureRow>(`${endedSql((column) => `AND ${column} = @doorId`)}
${namedRowsSql('ended e')}`);

/**
 * The community's figure, and the doors still holding its `limit` (at least 1) longest exposed
 * ended credentials, oldest ended first.
 */
export function communityExposureRows(db: Db, limit: number): { summary: ExposureSummary; rows: ExposureRow[] } {
  const figured = communityExposure(db).all(Math.max(1, limit));
  const first = figured[0];
  const summary = first
    ? { credentialCount: first.credentialCount, doorCount: first.doorCount, oldestSince: first.oldestSince }
    : { credentialCount: 0, doorCount: 0, oldestSince: null };
  const rows = figured.map(({ credentialCount: _c, doorCount: _d, oldestSince: _o, ...row }) => row);
  return { summary, rows };
}

/** Doors still holding one unit's ended credentials, oldest ended first. */
export function unitExposureRows(db: Db, unitId: string): ExposureRow[] {
  return exposureOfUnit(db).all({ unitId });
}

/** The ended credentials one door still holds. */
export function endedCredentialsHeldBy(db: Db, doorId: string): ExposureRow[] {
  return exposureOfDoor(db).all({ doorId });
}

/**
 * Runs a write of a door's reported state and, in the same transaction, records each ended
 * credential the door held before the write and no longer holds after it: the moment its
 * exposure ended. Once only: after the write the door no longer holds it, so a later report
 * cannot find it dropped again (unless the lock took it back, which is a new exposure).
 */
export function recordingDroppedCodes<T>(db: Db, doorId: string, at: string, write: () => T): T {
  return db.transaction(() => {
    const before = endedCredentialsHeldBy(db, doorId);
    const result = write();
    if (before.length === 0) return result;
    const still = new Set(endedCredentialsHeldBy(db, doorId).map((r) => r.credentialId));
    for (const row of before) {
      if (still.has(row.credentialId)) continue;
      appendAudit(db, {
        at,
        actor: row.doorName,
        action: 'door.code_dropped',
        subjectId: row.credentialId,
        summary: droppedWords(row.doorName, row.guestName, row.kind, row.endReason, row.endedAt, at),
        details: { doorIds: [doorId], unitId: row.unitId, credentialId: row.credentialId, endReason: row.endReason, endedAt: row.endedAt, link: row.link },
      });
    }
    return result;
  })();
}
