import type { Db } from './database';
import { unitDoor, type CommunityFile } from '../../shared/community-file';
import { hashPasscode } from '../secrets/passcode';
import { runUserAction } from './user-action';
import { naturalKey } from '../../shared/unit-directory';

export function hasCommunity(db: Db): boolean {
  return db.prepare('SELECT count(*) FROM community').pluck().get() !== 0;
}

/** Writes a validated community file into an empty store, in one audited transaction. */
export function importCommunity(db: Db, file: CommunityFile, at: string, actor: string): void {
  runUserAction(db, () => {
    if (hasCommunity(db)) throw new Error('This console already holds a community.');
    const c = file.community;
    db.prepare(
      `INSERT INTO community (id, name, time_zone, phone_region, access_system_json, guidelines_json)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(c.id, c.name, c.timeZone, c.phoneRegion, JSON.stringify(c.accessSystem), JSON.stringify(c.guidelines));

    const insertModel = db.prepare(
      'INSERT INTO lock_models (id, maker, name, role, capabilities_json) VALUES (?, ?, ?, ?, ?)',
    );
    for (const m of file.lockModels)
      insertModel.run(m.id, m.maker, m.name, m.role, JSON.stringify(m.capabilities));

    const insertBuilding = db.prepare('INSERT INTO buildings (id, community_id, name) VALUES (?, ?, ?)');
    const insertFloor = db.prepare('INSERT INTO floors (id, building_id, level, name) VALUES (?, ?, ?, ?)');
    const insertUnit = db.prepare('INSERT INTO units (id, floor_id, building_id, number, floor_level, unit_key) VALUES (?, ?, ?, ?, ?, ?)');
    const insertDoor = db.prepare(
      'INSERT INTO doors (id, name, kind, building_id, unit_id, lock_model_id) VALUES (?, ?, ?, ?, ?, ?)',
    );
    let units = 0;
    for (const b of file.buildings) {
      insertBuilding.run(b.id, c.id, b.name);
      for (const f of b.floors) {
        insertFloor.run(f.id, b.id, f.level, f.name);
        for (const u of f.units) {
          insertUnit.run(u.id, f.id, b.id, u.number, f.level, naturalKey(u.number));
          const door = unitDoor(u, b.name);
          insertDoor.run(door.id, door.name, 'unit', b.id, u.id, u.lockModelId);
          units++;
        }
      }
    }
    for (const d of file.sharedDoors) insertDoor.run(d.id, d.name, d.kind, d.buildingId, null, d.lockModelId);
    const insertStaff = db.prepare('INSERT INTO staff (id, name, role, passcode_hash) VALUES (?, ?, ?, ?)');
    for (const s of file.staff) insertStaff.run(s.id, s.name, s.role, hashPasscode(s.passcode));

    return {
      result: undefined,
      record: {
        audit: {
          at,
          actor,
          action: 'community.loaded',
          subjectId: c.id,
          summary: `Loaded ${c.name}: ${file.buildings.length} buildings, ${units} units, ${file.sharedDoors.length} shared doors`,
          details: { communityId: c.id, units },
        },
        mutation: null,
      },
    };
  });
}
