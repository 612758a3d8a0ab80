import { unitDoor, type CommunityFile } from '../../community/community-file';
import { hashPasscode } from '../../staff/passcode';
import type { Db } from './sqlite-database';

/**
 * Writes the community file into an empty cloud store. Door ids are the console's (a unit's
 * door is `door-<unitId>`), so a console's mutations name doors the cloud knows.
 */
export function seedCommunity(db: Db, file: CommunityFile): void {
  db.transaction(() => {
    if (db.prepare('SELECT count(*) FROM community').pluck().get() !== 0) throw new Error('The cloud store already holds a community.');
    const c = file.community;
    db.prepare('INSERT INTO community (id, name, time_zone, phone_region, access_system_json, guidelines_json) VALUES (?, ?, ?, ?, ?, ?)').run(
      c.id, c.name, c.timeZone, c.phoneRegion, JSON.stringify(c.accessSystem), JSON.stringify(c.guidelines),
    );
    const model = db.prepare('INSERT INTO lock_models (id, maker, name, role, capabilities_json) VALUES (?, ?, ?, ?, ?)');
    for (const m of file.lockModels) model.run(m.id, m.maker, m.name, m.role, JSON.stringify(m.capabilities));
    const building = db.prepare('INSERT INTO buildings (id, name) VALUES (?, ?)');
    const unit = db.prepare('INSERT INTO units (id, building_id, number) VALUES (?, ?, ?)');
    const door = db.prepare('INSERT INTO doors (id, name, kind, building_id, unit_id, lock_model_id) VALUES (?, ?, ?, ?, ?, ?)');
    for (const b of file.buildings) {
      building.run(b.id, b.name);
      for (const f of b.floors)
        for (const u of f.units) {
          unit.run(u.id, b.id, u.number);
          const own = unitDoor(u, b.name);
          door.run(own.id, own.name, 'unit', b.id, u.id, u.lockModelId);
        }
    }
    for (const d of file.sharedDoors) door.run(d.id, d.name, d.kind, d.buildingId, null, d.lockModelId);
    // Passcodes only as slow hashes: the cloud checks them at an online sign-in.
    const staff = db.prepare('INSERT INTO staff (id, name, role, passcode_hash) VALUES (?, ?, ?, ?)');
    for (const s of file.staff) staff.run(s.id, s.name, s.role, hashPasscode(s.passcode));
  }).immediate();
}
