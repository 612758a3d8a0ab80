import type { Audience, CredentialKind, Schedule } from '../../shared/domain';
import type { EndReason } from './credentials-repo';
import type { Db } from './database';
import { statement } from './statement';

/*
 * What the demo and the scale data write straight into the store, bypassing grants: a
 * portfolio's worth of credentials in one transaction, each statement prepared once.
 */

/** A unit with its own door and that door's lock capabilities (JSON). */
export interface SeedUnit {
  id: string;
  buildingId: string;
  doorId: string;
  capabilitiesJson: string;
}

const unitsWithDoors = statement<[], SeedUnit>(
  `SELECT u.id, u.building_id AS buildingId, d.id AS doorId, m.capabilities_json AS capabilitiesJson FROM units u
   JOIN doors d ON d.unit_id = u.id AND d.kind = 'unit' JOIN lock_models m ON m.id = d.lock_model_id ORDER BY u.id`,
);

export function seedUnits(db: Db): SeedUnit[] {
  return unitsWithDoors(db).all();
}

/** A credential as the scale data writes it: already texted, perhaps already ended. */
export interface SeedCredential {
  id: string;
  unit: string;
  guest: string;
  kind: CredentialKind;
  audience: Audience;
  type: Schedule['type'];
  schedule: string;
  startsAt: string | null;
  endsAt: string | null;
  pin: string | null;
  at: string;
  endedAt: string | null;
  end: EndReason | null;
  endedBy: string | null;
  usedAt: string | null;
}

export const seedCredentialRow = statement<SeedCredential>(
  `INSERT INTO credentials (id, unit_id, guest_id, kind, audience, access_type, schedule_json, starts_at, ends_at, pin_code,
     created_at, created_by, ended_at, end_reason, ended_by, used_at, notification, notifications_sent)
   VALUES (@id, @unit, @guest, @kind, @audience, @type, @schedule, @startsAt, @endsAt, @pin, @at, 'Scale data', @endedAt, @end, @endedBy, @usedAt, 'sent', 1)`,
);

export function seedCredential(db: Db, c: SeedCredential): void {
  seedCredentialRow(db).run(c);
}

const link = statement<[doorId: string, credentialId: string, slot: number, at: string, removedAt: string | null]>(
  'INSERT INTO door_credentials (door_id, credential_id, slot, added_at, removed_at) VALUES (?, ?, ?, ?, ?)',
);

/** A credential in a door's slot; `removedAt` set for one already ended. */
export function seedDoorCredential(db: Db, doorId: string, credentialId: string, slot: number, at: string, removedAt: string | null): void {
  link(db).run(doorId, credentialId, slot, at, removedAt);
}

const programmedAll = statement<[at: string]>('UPDATE doors SET desired_version = 1, reported_version = 1, reported_at = ?');
const pendingTenth = statement<[at: string]>("UPDATE doors SET desired_version = 2, desired_changed_at = ? WHERE kind = 'unit' AND rowid % 10 = 0");

/** Every door programmed at `at`, except a tenth of unit doors with a change since. */
export function seedDoorsMostlyProgrammed(db: Db, at: string): void {
  programmedAll(db).run(at);
  pendingTenth(db).run(at);
}

const reachedAll = statement<[at: string]>('UPDATE doors SET reported_version = desired_version, reported_at = ?, desired_changed_at = NULL');

/** A programming round at `at` reached every door: each holds what the console wants. */
export function markEveryDoorProgrammed(db: Db, at: string): void {
  reachedAll(db).run(at);
}
