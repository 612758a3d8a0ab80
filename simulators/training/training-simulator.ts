import type { HardwareSimulation, SimulatedFault } from '../../src/shared/domain';
import { assertNever, PorterError } from '../../src/shared/errors';
import type { AccessContext } from '../../src/main/access/access-context';
import { commit, stagePut } from '../../src/main/devices/keyprog/commands';
import { SimDoor } from '../devices/sim-door';
import { SimHidBus } from '../devices/sim-hid-bus';
import { SimHidDevice } from '../devices/sim-hid-device';
import { SimKeyProgrammer } from '../devices/sim-key-programmer';
import { doorById, doorSlotsAsOf } from '../../src/main/store/door-table-repo';
import { toTableEntry } from '../../src/main/hardware/door-entries';
import type { HidBus } from '../../src/main/devices/link';
import { createBluetoothSimulator, type BluetoothSimulator } from './training-bluetooth';
import { createZWaveSimulator, type ZWaveSimulator } from './training-zwave';

interface SimulatedProgrammer {
  device: SimHidDevice;
  programmer: SimKeyProgrammer;
  /** The unplug-during-commit fault: pull the USB cable once the next COMMIT is under way. */
  unplugOnCommit: boolean;
  /**
   * A wire fault waits for the next STAGE_PUT's answer, so it strikes the programming a
   * technician starts rather than the page's idle "what is on the cable" poll.
   */
  wireFault: 'drop_report' | 'corrupt_crc' | 'wrong_sequence' | 'stall' | null;
}

/** Training's simulated programmers and locks, and what the simulator panels do to them. */
export interface Simulator {
  bus: HidBus;
  bluetooth: BluetoothSimulator;
  zwave: ZWaveSimulator;
  simulate(action: HardwareSimulation): Promise<void>;
}

/**
 * Training's hardware: simulated key-programmers on a simulated USB bus, and
 * simulated locks built from the store (each door's model, serial, and the table it held when
 * last programmed). A door keeps its simulated lock between visits, so what a technician
 * programmed is still on it when the cable goes back on.
 */
export function createSimulator(ctx: AccessContext & { dataDir: string }): Simulator {
  const bus = new SimHidBus();
  const programmers: SimulatedProgrammer[] = [];
  const locks = new Map<string, SimDoor>();

  const lockFor = (doorId: string): SimDoor => {
    const existing = locks.get(doorId);
    if (existing) return existing;
    const door = doorById(ctx.db, doorId);
    if (!door) throw new PorterError('not_found', 'There is no door with this id.', 'doorId');
    const model = ctx.community().lockModels.find((m) => m.id === door.lockModelId);
    if (!model) throw new PorterError('not_found', `The lock model of ${door.name} is unknown.`, 'doorId');
    const zone = ctx.community().timeZone;
    const table = door.reportedAt === null ? [] : doorSlotsAsOf(ctx.db, door.id, door.reportedAt).map((r) => toTableEntry(r, zone));
    const lock = new SimDoor({ model, serial: door.serial ?? `SIM-${door.id}`, table, batteryPercent: 78 });
    // A door in service has been used: a few openings to read back from its audit trail.
    for (const entry of table.slice(0, 3)) lock.simulateUse(entry.slot);
    locks.set(doorId, lock);
    return lock;
  };

  const plug = (): void => {
    const unplugged = programmers.find((p) => !p.device.plugged);
    if (unplugged) {
      bus.attach(unplugged.device);
      return;
    }
    const serial = `PKP1-${String(programmers.length + 1).padStart(6, '0')}`;
    const programmer = new SimKeyProgrammer({ identity: { serial } });
    const simulated: SimulatedProgrammer = { programmer, unplugOnCommit: false, wireFault: null, device: new SimHidDevice({ serialNumber: serial }) };
    simulated.device.handler = (payload, signal) => {
      if (simulated.wireFault && payload[0] === stagePut.code) {
        simulated.device.faults.next({ kind: simulated.wireFault, direction: 'to_host' });
        simulated.wireFault = null;
      }
      if (simulated.unplugOnCommit && payload[0] === commit.code) {
        simulated.unplugOnCommit = false;
        setTimeout(() => simulated.device.unplug(), 20);
      }
      return programmer.handle(payload, signal);
    };
    programmers.push(simulated);
    bus.attach(simulated.device);
  };

  const find = (programmerId: string): SimulatedProgrammer => {
    const p = programmers.find((x) => x.device.plugged && x.device.info.path === programmerId);
    if (!p) throw new PorterError('not_found', 'No simulated programmer is plugged in there.', 'programmerId');
    return p;
  };

  const fault = (p: SimulatedProgrammer, kind: SimulatedFault): void => {
    const lock = (): SimDoor => {
      const door = p.programmer.attachedDoor;
      if (!door) throw new PorterError('not_allowed', 'Attach a door first: this fault is the door’s.');
      return door;
    };
    switch (kind) {
      case 'drop_report':
      case 'corrupt_crc':
      case 'wrong_sequence':
      case 'stall':
        p.wireFault = kind;
        return;
      case 'unplug_mid_commit':
        // The door had already swapped tables when the cable came out: Resume must notice the
        // commit landed, credit it, and not write it again.
        lock().inject({ kind: 'unplug_mid_commit', tableAfter: 'new' });
        p.unplugOnCommit = true;
        return;
      case 'lock_full':
        return lock().inject({ kind: 'full_lock' });
      case 'low_battery':
        return lock().inject({ kind: 'low_battery' });
      case 'clock_far_off':
        return lock().inject({ kind: 'clock_far_off', offsetSeconds: 3 * 3600 + 17 * 60 });
      case 'audit_gap': {
        const door = lock();
        door.inject({ kind: 'audit_gap', skip: 3 });
        door.record('door_forced', null);
        return;
      }
      default:
        return assertNever(kind, 'simulated fault');
    }
  };

  const bluetooth = createBluetoothSimulator(ctx, lockFor);
  const zwave = createZWaveSimulator(ctx);

  return {
    bus,
    bluetooth,
    zwave,
    async simulate(action: HardwareSimulation) {
      switch (action.action) {
        case 'zwave_keypad':
        case 'zwave_fault':
        case 'zwave_new_lock':
        case 'zwave_unplug':
        case 'zwave_plug':
          return zwave.simulate(action);
        case 'ble_walk':
        case 'ble_fault':
        case 'ble_new_lock':
          return bluetooth.simulate(action);
        case 'plug':
          return plug();
        case 'unplug':
          return find(action.programmerId).device.unplug();
        case 'attach':
          return find(action.programmerId).programmer.attach(lockFor(action.doorId));
        case 'detach':
          return find(action.programmerId).programmer.detach();
        case 'fault':
          return fault(find(action.programmerId), action.fault);
        default:
          return assertNever(action, 'simulation');
      }
    },
  };
}
