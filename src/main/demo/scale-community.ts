import type { CommunityFile } from '../../shared/community-file';

const unitsPerFloor = 20;
const floorsPerBuilding = 25;

/**
 * A generated portfolio-sized community for measuring the console at scale: buildings of 25
 * floors × 20 units, the demo's lock models plus a perimeter controller that holds the whole
 * community's codes. Deterministic: the same size gives the same community.
 */
export function scaleCommunityFile(units: number, demo: CommunityFile): CommunityFile {
  const unitModels = ['kestrel-kb500', 'arden-kp200', 'kestrel-kb500', 'arden-bt10', 'arden-kp200'];
  const buildingCount = Math.ceil(units / (unitsPerFloor * floorsPerBuilding));
  let left = units;
  const buildings = Array.from({ length: buildingCount }, (_, b) => {
    const id = `b${String(b + 1).padStart(2, '0')}`;
    const floors = [];
    for (let level = 1; level <= floorsPerBuilding && left > 0; level++) {
      const count = Math.min(unitsPerFloor, left);
      left -= count;
      floors.push({
        id: `${id}-f${level}`,
        level,
        name: `Floor ${level}`,
        units: Array.from({ length: count }, (_, i) => {
          const number = `${level}${String(i + 1).padStart(2, '0')}`;
          return { id: `${id}-${number}`, number, lockModelId: unitModels[(level + i) % unitModels.length]! };
        }),
      });
    }
    return { id, name: `Building ${String.fromCharCode(65 + (b % 26))}${b >= 26 ? Math.floor(b / 26) + 1 : ''}`, floors };
  });
  const controller = {
    id: 'kestrel-pc9', maker: 'Kestrel', name: 'PC-9 Perimeter controller', role: 'reader' as const,
    capabilities: { credentialKinds: ['pin', 'ble'] as ('pin' | 'ble')[], pinLength: { min: 6, max: 8 }, slots: 250_000, scheduleKinds: ['week_day', 'year_day', 'one_time'] as ('week_day' | 'year_day' | 'one_time')[], hasEnterKey: true },
  };
  return {
    community: { ...demo.community, id: `scale-${units}`, name: `Harbor Point (${units.toLocaleString('en-US')} units)` },
    lockModels: [...demo.lockModels, controller],
    buildings,
    staff: demo.staff,
    sharedDoors: [
      ...buildings.map((b) => ({ id: `${b.id}-entrance`, name: `${b.name} entrance`, kind: 'entrance' as const, buildingId: b.id, lockModelId: controller.id })),
      { id: 'garage-gate', name: 'Garage gate', kind: 'perimeter', buildingId: null, lockModelId: controller.id },
      { id: 'east-gate', name: 'East pedestrian gate', kind: 'perimeter', buildingId: null, lockModelId: controller.id },
      { id: 'package-room', name: 'Package room', kind: 'package_room', buildingId: buildings[0]!.id, lockModelId: controller.id },
      { id: 'fitness-center', name: 'Fitness center', kind: 'amenity', buildingId: buildings[0]!.id, lockModelId: controller.id },
      { id: 'pool', name: 'Pool', kind: 'amenity', buildingId: null, lockModelId: controller.id },
    ],
  };
}
