import type { Db } from '../../src/main/store/database';
import { saveGuessRecord } from '../../src/main/store/sign-in-throttle-repo';
import { unitDoorLock } from '../../src/main/store/doors-repo';
import { assignLiveLock, saveLiveLock } from '../../src/main/store/live-locks-repo';
import { seedStoppedRun } from '../helpers/seed-stopped-run';
import { seedNearFullDoor } from '../helpers/seed-near-full-door';

/**
 * States a spec's host opens its store in, by name (`test.use({ seedStore: name })`): written
 * through the store's own code before the host starts, as a crash or an old version left them.
 */
export const storeSeeds = {
  /** A vendor bulk grant on North Tower's floor 3 (14 units) that stopped after 5 units. */
  'stopped-bulk-run': (db: Db) =>
    void seedStoppedRun(db, {
      buildingId: 'north',
      floor: 3,
      done: 5,
      grant: { kind: 'pin', audience: 'vendor', guest: { name: 'Dana Whitfield', phone: '+13125550131', company: 'Brightway Cleaning' }, schedule: { type: 'permanent' } },
      what: 'Permanent PIN code for Dana Whitfield of Brightway Cleaning',
      by: { id: 'avery', name: 'Avery Brooks', role: 'admin' },
      at: new Date(),
    }),
  /** Seven wrong passcodes from this machine's browser tabs, the last one just now: a 10-minute wait. */
  'guessing-from-this-address': (db: Db) =>
    saveGuessRecord(db, 'browser:127.0.0.1', { failures: 7, lastFailureAt: new Date().toISOString(), waitUntil: new Date(Date.now() + 10 * 60_000).toISOString(), waitNoted: false }),
  /**
   * A Z-Wave lock on North Tower 201's door, as the service keeps one it included and
   * interviewed: two week-day and one year-day schedule per code, no daily repeating.
   */
  'zwave-lock-on-north-201': (db: Db) => {
    const at = new Date().toISOString();
    saveLiveLock(
      db,
      'c0ffee01',
      {
        nodeId: 5,
        manufacturer: 'Yale',
        product: 'Assure Lock 2',
        firmware: null,
        security: 'strong',
        status: 'alive',
        batteryPercent: 90,
        batteryLow: false,
        rssiDbm: null,
        capabilities: {
          slots: 30,
          pinLength: { min: 4, max: 8 },
          bulkCodes: false,
          tableChecksum: false,
          schedules: { weekDay: 2, yearDay: 1, dailyRepeating: 0 },
          keypadModes: ['normal'],
        },
      },
      at,
    );
    assignLiveLock(db, 'c0ffee01', 5, unitDoorLock(db, 'north-201')!.id, at);
  },
  /**
   * South Tower 204's Bluetooth lock (a BT-10: 20 slots) with 2 kept for staff and emergency
   * codes and 17 of its 18 guest slots taken; the oldest temporary pass there is Theo Marsh's.
   */
  'south-204-near-full': (db: Db) => seedNearFullDoor(db, { unitId: 'south-204', doorId: 'door-south-204', modelId: 'arden-bt10', reserved: 2, freeGuestSlots: 1, oldestTemporary: 'Theo Marsh' }),
  /** North Tower 104's unit door without its lock's serial: a lock on the cable there is not assigned to a door. */
  'north-104-lock-unassigned': (db: Db) => void db.prepare('UPDATE doors SET serial = NULL WHERE id = ?').run('door-north-104'),
} satisfies Record<string, (db: Db) => void>;
export type StoreSeed = keyof typeof storeSeeds;
