import { unitDoor, type CommunityFile } from '../../community/community-file';
import { hashPasscode } from '../../staff/passcode';
import { CommunityExists } from '../cloud-store';
import type { Db } from './sqlite-database';

/**
 * Adds the community file's community to the cloud store, under the file's community id.
 * Door ids are the console's (a unit's door is `door-<unitId>`), so a console's mutations
 * name doors the cloud knows; another community may use the very same ids.
 */
export function seedCommunity(db: Db, file: CommunityFile): void {
  db.transaction(() => {
    const c = file.community;
    if (db.prepare('SELECT count(*) FROM community WHERE id = ?').pluck().get(c.id) !== 0) throw new CommunityExists(c.id);
    db.prepare('INSERT INTO community (id, name, time_zone, phone_region, access_system_json, guidelines_json) VALUES (?, ?, ?, ?, ?, ?)').run(
      c.id, c.name, c.timeZone, c.phoneRegion, JSON.stringify(c.accessSystem), JSON.stringify(c.guidelines),
    );
    const model = db.prepare('INSERT INTO lock_models (community_id, id, maker, name, role, capabilities_json) VALUES (?, ?, ?, ?, ?, ?)');
    for (const m of file.lockModels) model.run(c.id, m.id, m.maker, m.name, m.role, JSON.stringify(m.capabilities));
    const building = db.prepare('INSERT INTO buildings (community_id, id, name) VALUES (?, ?, ?)');
    const unit = db.prepare('INSERT INTO units (community_id, id, building_id, number) VALUES (?, ?, ?, ?)');
    const door = db.prepare('INSERT INTO doors (community_id, id, name, kind, building_id, unit_id, lock_model_id) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const b of file.buildings) {
      building.run(c.id, b.id, b.name);
      for (const f of b.floors)
        for (const u of f.units) {
          unit.run(c.id, u.id, b.id, u.number);
          const own = unitDoor(u, b.name);
          door.run(c.id, own.id, own.name, 'unit', b.id, u.id, u.lockModelId);
        }
    }
    for (const d of file.sharedDoors) door.run(c.id, d.id, d.name, d.kind, d.buildingId, null, d.lockModelId);
    // Passcodes only as slow hashes: the cloud checks them at an online sign-in.
    const staff = db.prepare('INSERT INTO staff (community_id, id, name, role, passcode_hash) VALUES (?, ?, ?, ?, ?)');
    for (const s of file.staff) staff.run(c.id, s.id, s.name, s.role, hashPasscode(s.passcode));
  }).immediate();
}
