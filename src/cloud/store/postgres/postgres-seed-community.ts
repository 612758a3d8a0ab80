import type pg from 'pg';
import { unitDoor, type CommunityFile } from '../../community/community-file';
import { hashPasscode } from '../../staff/passcode';
import { CommunityExists } from '../cloud-store';
import { json, query } from './postgres-database';

/**
 * Adds the community file's community, under the file's community id, in the caller's
 * transaction. Door ids are the console's (a unit's door is `door-<unitId>`), so a console's
 * mutations name doors the cloud knows; another community may use the very same ids. Each
 * table takes one statement of arrays (unnest), not a round trip a row.
 */
export async function seedCommunity(client: pg.PoolClient, file: CommunityFile): Promise<void> {
  const c = file.community;
  const existing = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM community WHERE id = $1', [c.id]);
  if (existing.rows[0]!.n !== 0) throw new CommunityExists(c.id);
  await query(client, 'INSERT INTO community (id, name, time_zone, phone_region, access_system, guidelines) VALUES ($1, $2, $3, $4, $5, $6)', [
    c.id, c.name, c.timeZone, c.phoneRegion, json(c.accessSystem), json(c.guidelines),
  ]);
  const m = file.lockModels;
  await query(client, 'INSERT INTO lock_models (community_id, id, maker, name, role, capabilities) SELECT $6, * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::json[])', [
    m.map((x) => x.id), m.map((x) => x.maker), m.map((x) => x.name), m.map((x) => x.role), m.map((x) => JSON.stringify(x.capabilities)), c.id,
  ]);
  const units: [string, string, string][] = [];
  const doors: [string, string, string, string | null, string | null, string][] = [];
  for (const b of file.buildings)
    for (const f of b.floors)
      for (const u of f.units) {
        units.push([u.id, b.id, u.number]);
        const own = unitDoor(u, b.name);
        doors.push([own.id, own.name, 'unit', b.id, u.id, u.lockModelId]);
      }
  for (const d of file.sharedDoors) doors.push([d.id, d.name, d.kind, d.buildingId, null, d.lockModelId]);
  const column = <T>(list: T[][], i: number) => list.map((r) => r[i]);
  await query(client, 'INSERT INTO buildings (community_id, id, name) SELECT $3, * FROM unnest($1::text[], $2::text[])', [file.buildings.map((b) => b.id), file.buildings.map((b) => b.name), c.id]);
  await query(client, 'INSERT INTO units (community_id, id, building_id, number) SELECT $4, * FROM unnest($1::text[], $2::text[], $3::text[])', [...[0, 1, 2].map((i) => column(units, i)), c.id]);
  await query(client, 'INSERT INTO doors (community_id, id, name, kind, building_id, unit_id, lock_model_id) SELECT $7, * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])', [
    ...[0, 1, 2, 3, 4, 5].map((i) => column(doors, i)),
    c.id,
  ]);
  // Passcodes only as slow hashes: the cloud checks them at an online sign-in.
  const s = file.staff;
  await query(client, 'INSERT INTO staff (community_id, id, name, role, passcode_hash) SELECT $5, * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])', [
    s.map((x) => x.id), s.map((x) => x.name), s.map((x) => x.role), s.map((x) => hashPasscode(x.passcode)), c.id,
  ]);
}
