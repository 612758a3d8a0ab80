import { randomBytes } from 'node:crypto';
import { simulatedSetupCode, type HardwareSimulation, type SimulatedBluetoothFault } from '../../src/shared/domain';
import { assertNever, PorterError } from '../../src/shared/errors';
import type { AccessContext } from '../../src/main/access/access-context';
import type { BleCentral, BleDongleInfo, VirtualPeripheral } from '../../src/main/devices/ble/gatt';
import { lockIdOf } from '../../src/main/devices/ble/protocol';
import { SimBleLock } from '../devices/ble-lock';
import { loopbackCentral } from '../devices/ble-lock/loopback-central';
import { startSimulatedDongle, type SimulatedDongle } from '../devices/hci/pty-bridge';
import { SimDoor } from '../devices/sim-door';
import { floorExists, floorIds, unitDoorsOnFloor } from '../../src/main/store/floor-doors-repo';
import { lockKeyFor, saveLockKey } from '../../src/main/store/lock-keys-repo';

export type BluetoothSimulation = Extract<HardwareSimulation, { action: `ble_${string}` }>;

/** The simulated dongle and the Bluetooth locks it hears. */
export interface BluetoothSimulator {
  floorId(): string | null;
  listDongles(): Promise<BleDongleInfo[]>;
  /** The loopback's central, when there is no simulated dongle to open through the stack. */
  loopbackFor(dongle: BleDongleInfo): BleCentral | null;
  peripherals(): readonly VirtualPeripheral[];
  simulate(action: BluetoothSimulation): Promise<void>;
  close(): Promise<void>;
}

/** Where the simulated technician starts in the demo: the floor of the combined locks used in the guides. */
const guideFloorId = 'north-f2';

/**
 * Training's Bluetooth: a simulated HCI dongle on a pty (socat), under the real BLE stack,
 * hearing the Bluetooth locks of the floor the simulated technician stands on. Each lock is
 * the same simulated door a key-programmer's cable reaches (so what one programmed, the other
 * reads), commissioned long ago: its key is in the store, made here the first time. Without
 * socat (a machine without it) the locks are reached through an in-process loopback instead,
 * labelled so.
 */
export function createBluetoothSimulator(ctx: AccessContext, lockFor: (doorId: string) => SimDoor): BluetoothSimulator {
  const locks = new Map<string, SimBleLock>();
  let heardNow: SimBleLock[] = [];
  let floorId: string | null = null;
  let dongle: SimulatedDongle | null = null;
  let loopback: BleCentral | null = null;
  let starting: Promise<void> | null = null;
  let newLocks = 0;

  const bleLockFor = (doorId: string): SimBleLock => {
    const known = locks.get(doorId);
    if (known) return known;
    const door = lockFor(doorId);
    let key = lockKeyFor(ctx.db, door.serial);
    if (!key) {
      key = new Uint8Array(randomBytes(32));
      saveLockKey(ctx.db, door.serial, key, ctx.now().toISOString(), 'the simulator');
    }
    const lock = new SimBleLock({ door, setupCode: simulatedSetupCode, lockKey: key, rssi: -48 - Math.floor(Math.random() * 40) });
    locks.set(doorId, lock);
    return lock;
  };

  const bluetoothDoorsOn = (floor: string): string[] => {
    const models = new Set(ctx.community().lockModels.filter((m) => m.capabilities.credentialKinds.includes('ble')).map((m) => m.id));
    return unitDoorsOnFloor(ctx.db, floor).filter((d) => models.has(d.modelId)).map((d) => d.id);
  };

  const hear = (next: SimBleLock[]): void => {
    for (const lock of heardNow) if (!next.includes(lock)) dongle?.removePeripheral(lock);
    for (const lock of next) if (!heardNow.includes(lock)) dongle?.addPeripheral(lock);
    heardNow = next;
  };

  const walk = (floor: string): void => {
    if (!floorExists(ctx.db, floor)) throw new PorterError('not_found', 'There is no floor with this id.', 'floorId');
    floorId = floor;
    hear(bluetoothDoorsOn(floor).map(bleLockFor));
  };

  /** The guides' floor, or in another community (a scale one) its first floor with Bluetooth doors. */
  const startFloor = (): string | null => {
    if (floorExists(ctx.db, guideFloorId)) return guideFloorId;
    const floors = floorIds(ctx.db);
    return floors.find((f) => bluetoothDoorsOn(f).length > 0) ?? floors[0] ?? null;
  };

  const start = (): Promise<void> =>
    (starting ??= (async () => {
      const floor = startFloor();
      if (floor) walk(floor);
      try {
        dongle = await startSimulatedDongle({ peripherals: heardNow });
      } catch {
        // No socat here: the same locks, reached without the radio stack.
        loopback = loopbackCentral(() => heardNow, { dongle: { label: 'Simulated dongle without a radio stack (install socat for the full stack)' } });
      }
    })());

  const heardLock = (lockId: string): SimBleLock => {
    const id = lockId.replace(/^ble:/, '');
    const lock = heardNow.find((l) => lockIdOf(l.door.serial) === id);
    if (!lock) throw new PorterError('not_found', 'No simulated Bluetooth lock with that id is in range.', 'lockId');
    return lock;
  };

  const fault = (lock: SimBleLock, kind: SimulatedBluetoothFault): void => {
    switch (kind) {
      case 'out_of_range':
        return lock.inject({ kind: 'out_of_range' });
      case 'back_in_range':
        return lock.clearFault('out_of_range');
      case 'link_drop_mid_commit':
        // The lock had swapped tables when the link went: Resume must credit the commit.
        return lock.inject({ kind: 'link_drop_mid_commit', tableAfter: 'new' });
      case 'link_drop_before_commit':
        return lock.inject({ kind: 'link_drop_before_commit' });
      case 'wrong_key':
        return lock.inject({ kind: 'wrong_key' });
      case 'tampered_write':
        return lock.inject({ kind: 'tampered_write' });
      case 'replayed_write':
        return lock.inject({ kind: 'replayed_write' });
      case 'lock_full':
        return lock.inject({ kind: 'full_lock' });
      case 'low_battery':
        return lock.inject({ kind: 'low_battery' });
      default:
        return assertNever(kind, 'Bluetooth fault');
    }
  };

  const newLock = (modelId: string): void => {
    const model = ctx.community().lockModels.find((m) => m.id === modelId);
    if (!model || !model.capabilities.credentialKinds.includes('ble')) throw new PorterError('not_allowed', 'Choose a lock model with Bluetooth.', 'modelId');
    const serial = `SN-NEW-${String(++newLocks).padStart(4, '0')}`;
    const lock = new SimBleLock({ door: new SimDoor({ model, serial }), setupCode: simulatedSetupCode, rssi: -45 });
    hear([...heardNow, lock]);
  };

  return {
    floorId: () => floorId,
    async listDongles(): Promise<BleDongleInfo[]> {
      await start();
      return [dongle?.dongleInfo ?? loopback!.dongle];
    },
    loopbackFor: (dongleInfo: BleDongleInfo): BleCentral | null => (loopback && dongleInfo.id === loopback.dongle.id ? loopback : null),
    peripherals: (): readonly VirtualPeripheral[] => heardNow,
    async simulate(action: BluetoothSimulation): Promise<void> {
      await start();
      switch (action.action) {
        case 'ble_walk':
          return walk(action.floorId);
        case 'ble_fault':
          return fault(heardLock(action.lockId), action.fault);
        case 'ble_new_lock':
          return newLock(action.modelId);
        default:
          return assertNever(action, 'Bluetooth simulation');
      }
    },
    async close(): Promise<void> {
      await starting;
      await dongle?.close();
      await loopback?.close();
    },
  };
}
