import type { LiveLockInfo } from '../../../../src/main/devices/live/live-lock-network';
import type { Db } from '../../../../src/main/store/database';

type Schedules = NonNullable<LiveLockInfo['capabilities']>['schedules'];

/** A Yale deadbolt as the network reports it once interviewed: 30 slots, S2, and the schedule slots given (none by default). */
export function yaleLock(nodeId: number, schedules: Schedules = { weekDay: 0, yearDay: 0, dailyRepeating: 0 }): LiveLockInfo {
  return {
    nodeId,
    manufacturer: 'Yale',
    product: 'YRD256',
    firmware: null,
    security: 'strong',
    status: 'alive',
    batteryPercent: 80,
    batteryLow: false,
    rssiDbm: null,
    capabilities: { slots: 30, pinLength: { min: 4, max: 8 }, bulkCodes: true, tableChecksum: true, schedules, keypadModes: [] },
  };
}

/** The unit's own door (not the common doors a grant also opens). */
export const unitDoorOf = (db: Db, unitId: string): string =>
  db.prepare("SELECT id FROM doors WHERE unit_id = ? AND kind = 'unit'").pluck().get(unitId) as string;

/** The lock slot Porter gave a credential on a door. */
export const slotOf = (db: Db, credentialId: string, doorId: string): number =>
  db.prepare('SELECT slot FROM door_credentials WHERE credential_id = ? AND door_id = ?').pluck().get(credentialId, doorId) as number;

/** The PIN code of a credential, to compare with what the lock holds. */
export const codeOf = (db: Db, credentialId: string): string => db.prepare('SELECT pin_code FROM credentials WHERE id = ?').pluck().get(credentialId) as string;
