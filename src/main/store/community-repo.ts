import type { Community, Guidelines, LockModel } from '../../shared/domain';
import type { Db } from './database';
import { statement } from './statement';

interface CommunityRow {
  id: string;
  name: string;
  time_zone: string;
  phone_region: string;
  access_system_json: string;
  guidelines_json: string;
}

export function getCommunity(db: Db): Community {
  const c = db.prepare<[], CommunityRow>('SELECT * FROM community LIMIT 1').get();
  if (!c) throw new Error('No community is configured on this console.');
  const floors = db.prepare<[], { id: string; building_id: string; level: number; name: string }>('SELECT id, building_id, level, name FROM floors ORDER BY level').all();
  const buildings = db.prepare<[], { id: string; name: string }>('SELECT id, name FROM buildings ORDER BY name').all().map(
    (b) => ({
      ...b,
      floors: floors.filter((f) => f.building_id === b.id).map(({ id, level, name }) => ({ id, level, name })),
    }),
  );
  return {
    id: c.id,
    name: c.name,
    timeZone: c.time_zone,
    phoneRegion: c.phone_region,
    accessSystem: JSON.parse(c.access_system_json),
    guidelines: JSON.parse(c.guidelines_json),
    buildings,
    lockModels: listLockModels(db),
  };
}

interface LockModelRow {
  id: string;
  maker: string;
  name: string;
  role: LockModel['role'];
  capabilities_json: string;
}

export function toLockModel(r: LockModelRow): LockModel {
  return { id: r.id, maker: r.maker, name: r.name, role: r.role, capabilities: JSON.parse(r.capabilities_json) };
}

export function listLockModels(db: Db): LockModel[] {
  return db.prepare<[], LockModelRow>('SELECT * FROM lock_models ORDER BY name').all().map(toLockModel);
}

const guidelines = statement<[json: string, communityId: string]>('UPDATE community SET guidelines_json = ? WHERE id = ?');

export function setGuidelines(db: Db, communityId: string, next: Guidelines): void {
  guidelines(db).run(JSON.stringify(next), communityId);
}
