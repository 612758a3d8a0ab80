import type pg from 'pg';
import { unitDoor, type CommunityFile } from '../../community/community-file';
import { hashPasscode } from '../../staff/passcode';
import { query } from './postgres-database';
import { json } from './postgres-rows';

/**
 * Writes the community file into an empty store, in the caller's transaction. Door ids are
 * the console's (a unit's door is `door-<unitId>`), so a console's mutations name doors the
 * cloud knows. Each table takes one statement of arrays (unnest), not a round trip a row.
 */
export async function seedCommunity(client: pg.PoolClient, file: CommunityFile): Promise<void> {
  const existing = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM community');
  if (existing.rows[0]!.n !== 0) throw new Error('The cloud store already holds a community.');
  const c = file.community;
  await query(client, 'INSERT INTO community (id, name, time_zone, phone_region, access_system, guidelines) VALUES ($1, $2, $3, $4, $5, $6)', [
    c.id, c.name, c.timeZone, c.phoneRegion, json(c.accessSystem), json(c.guidelines),
  ]);
  const m = file.lockModels;
  await query(client, 'INSERT INTO lock_models (id, maker, name, role, capabilities) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::json[])', [
    m.map((x) => x.id), m.map((x) => x.maker), m.map((x) => x.name), m.map((x) => x.role), m.map((x) => JSON.stringify(x.capabilities)),
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
  await query(client, 'INSERT INTO buildings (id, name) SELECT * FROM unnest($1::text[], $2::text[])', [file.buildings.map((b) => b.id), file.buildings.map((b) => b.name)]);
  await query(client, 'INSERT INTO units (id, building_id, number) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])', [0, 1, 2].map((i) => column(units, i)));
  await query(client, 'INSERT INTO doors (id, name, kind, building_id, unit_id, lock_model_id) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])', [
    0, 1, 2, 3, 4, 5,
  ].map((i) => column(doors, i)));
  // Passcodes only as slow hashes: the cloud checks them at an online sign-in.
  const s = file.staff;
  await query(client, 'INSERT INTO staff (id, name, role, passcode_hash) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])', [
    s.map((x) => x.id), s.map((x) => x.name), s.map((x) => x.role), s.map((x) => hashPasscode(x.passcode)),
  ]);
}
