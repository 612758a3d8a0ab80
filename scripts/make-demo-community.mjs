// Writes resources/demo/community.json, the demo community the console opens on when
// nothing is configured. Run again after changing the layout below; the output is committed.
import fs from 'node:fs';

const lockModels = [
  {
    id: 'arden-kp200', maker: 'Arden', name: 'KP-200 Keypad', role: 'unit_lock',
    capabilities: { credentialKinds: ['pin'], pinLength: { min: 4, max: 8 }, slots: 50,
      scheduleKinds: ['week_day', 'year_day'], hasEnterKey: true },
  },
  {
    id: 'arden-bt10', maker: 'Arden', name: 'BT-10 Bluetooth', role: 'unit_lock',
    capabilities: { credentialKinds: ['ble'], pinLength: null, slots: 20,
      scheduleKinds: ['year_day'], hasEnterKey: false },
  },
  {
    id: 'kestrel-kb500', maker: 'Kestrel', name: 'KB-500 Keypad + Bluetooth', role: 'unit_lock',
    capabilities: { credentialKinds: ['pin', 'ble'], pinLength: { min: 6, max: 8 }, slots: 100,
      scheduleKinds: ['week_day', 'year_day', 'one_time'], hasEnterKey: false },
  },
  {
    id: 'kestrel-pr1', maker: 'Kestrel', name: 'PR-1 Perimeter reader', role: 'reader',
    capabilities: { credentialKinds: ['pin', 'ble'], pinLength: { min: 6, max: 8 }, slots: 2000,
      scheduleKinds: ['week_day', 'year_day', 'one_time'], hasEnterKey: true },
  },
];

// building id, name, floors, units per floor, which lock model a floor's units have
const buildings = [
  ['north', 'North Tower', 12, 14, (level) => (level <= 8 ? 'kestrel-kb500' : 'arden-kp200')],
  ['south', 'South Tower', 10, 12, (level) => (level % 2 === 0 ? 'arden-bt10' : 'arden-kp200')],
  ['garden', 'Garden Court', 3, 16, (level, i) => (i % 4 === 0 ? 'kestrel-kb500' : 'arden-kp200')],
];

const file = {
  community: {
    id: 'riverside-commons',
    name: 'Riverside Commons',
    timeZone: 'America/Chicago',
    phoneRegion: 'US',
    accessSystem: { name: 'Kestrel Access', supported: true },
    guidelines: {
      allowedTypes: { pin: ['permanent', 'temporary', 'recurring', 'delivery'], ble: ['permanent', 'temporary'] },
      maxTemporaryDays: 30,
      deliveryWindowMinutes: 120,
      deliveryOpens: 'common_only',
      vendorNeedsManagerApproval: true,
      kioskTypes: ['temporary', 'delivery'],
      amenityDoorIds: ['fitness-center'],
    },
  },
  lockModels,
  buildings: buildings.map(([id, name, floors, perFloor, modelFor]) => ({
    id,
    name,
    floors: Array.from({ length: floors }, (_, f) => {
      const level = f + 1;
      return {
        id: `${id}-f${level}`,
        level,
        name: `Floor ${level}`,
        units: Array.from({ length: perFloor }, (_, i) => {
          const number = `${level}${String(i + 1).padStart(2, '0')}`;
          return { id: `${id}-${number}`, number, lockModelId: modelFor(level, i) };
        }),
      };
    }),
  })),
  // Demo staff and their passcodes (README lists them). A real console gets its staff from the cloud.
  staff: [
    { id: 'avery', name: 'Avery Brooks', role: 'admin', passcode: '1357' },
    { id: 'jordan', name: 'Jordan Lee', role: 'leasing', passcode: '2468' },
    { id: 'sam', name: 'Sam Ortiz', role: 'maintenance', passcode: '3579' },
    { id: 'lobby-kiosk', name: 'Lobby kiosk', role: 'kiosk', passcode: '4680' },
  ],
  sharedDoors: [
    ...buildings.map(([id, name]) => ({
      id: `${id}-entrance`, name: `${name} entrance`, kind: 'entrance', buildingId: id, lockModelId: 'kestrel-pr1',
    })),
    { id: 'garage-gate', name: 'Garage gate', kind: 'perimeter', buildingId: null, lockModelId: 'kestrel-pr1' },
    { id: 'east-gate', name: 'East pedestrian gate', kind: 'perimeter', buildingId: null, lockModelId: 'kestrel-pr1' },
    { id: 'package-room', name: 'Package room', kind: 'package_room', buildingId: 'north', lockModelId: 'kestrel-pr1' },
    { id: 'fitness-center', name: 'Fitness center', kind: 'amenity', buildingId: 'north', lockModelId: 'kestrel-pr1' },
    { id: 'pool', name: 'Pool', kind: 'amenity', buildingId: null, lockModelId: 'kestrel-pr1' },
    { id: 'rooftop-lounge', name: 'Rooftop lounge', kind: 'amenity', buildingId: 'south', lockModelId: 'kestrel-pr1' },
  ],
};

fs.writeFileSync(new URL('../resources/demo/community.json', import.meta.url), JSON.stringify(file, null, 1) + '\n');
const units = file.buildings.flatMap((b) => b.floors.flatMap((f) => f.units)).length;
console.log(`resources/demo/community.json: ${units} units`);
