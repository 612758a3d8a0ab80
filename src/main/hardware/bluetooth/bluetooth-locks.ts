import type { DataTopic } from '../../../shared/contract';
import type { BluetoothLock, BluetoothOverview, DoorRef, StaffMember } from '../../../shared/domain';
import { PorterError } from '../../../shared/errors';
import type { AccessContext } from '../../access/access-context';
import type { BleCentral, BleDongleInfo } from '../../devices/ble/gatt';
import { decodeLockAdvertisement, lockServiceUuid, newLockKey } from '../../devices/ble/protocol';
import { openBleLockSession, provisionLock } from '../../devices/ble/session';
import { readLockInfo } from '../../devices/ble/session/read-lock-info';
import { DoorFailure } from '../../devices/drivers/door-failure';
import { keyProgrammerDriver, type KeyProgrammerDriver } from '../../devices/drivers/key-programmer-driver';
import { transportFailure } from '../../devices/drivers/send-command';
import { listLockModels } from '../../store/community-repo';
import { latestJobForDoor } from '../../store/door-jobs-repo';
import { assignSerial, doorById, type DoorHardwareRecord } from '../../store/door-table-repo';
import { doorBuildingName, pendingDoors } from '../../store/hardware-repo';
import { lockKeyFor, saveLockKey } from '../../store/lock-keys-repo';
import { runUserAction } from '../../store/user-action';
import { tableChecksum } from '../../devices/keyprog/credential-table';
import { desiredTable } from '../door-plan';
import { jobError } from '../failure-advice';
import { jobView } from '../hardware-views';
import type { StartedJob } from '../job-runner';
import type { JobTarget } from '../job-target';
import { watchDongles } from './bluetooth-dongle';
import { HeardLocks } from './heard-locks';
import { LockDirectory } from './lock-directory';

export interface BluetoothDeps extends AccessContext {
  listDongles(): Promise<BleDongleInfo[]>;
  openCentral(dongle: BleDongleInfo): Promise<BleCentral>;
  changed(topics: DataTopic[]): void;
  logError(error: unknown): void;
  hotplugIntervalMs?: number;
}

/** The Bluetooth locks heard through the dongle in use, and what a technician does with them. */
export interface BluetoothLocks {
  overview(): Omit<BluetoothOverview, 'round' | 'simulatedFloorId'>;
  /** Use this dongle from now on; false when it is no longer plugged in. */
  chooseDongle(id: string): Promise<boolean>;
  /** A lock in range, as a job's target: connect and authenticate first, disconnect after. */
  target(id: string): JobTarget;
  /**
   * Commissioning: the lock's setup code proves the technician holds the lock; the console
   * makes its key, keeps it, sends it sealed, and assigns the lock to the door.
   */
  commission(id: string, doorId: string, setupCode: string, actor: StaffMember): Promise<void>;
  /** A lock was assigned elsewhere (a key-programmer, another console): look again. */
  doorsChanged(): void;
  /** Locks heard now whose door is pending, longest exposed first, then strongest signal: a round's order. */
  pendingInRange(): { lockId: string; door: DoorRef }[];
  close(): Promise<void>;
}

const idPrefix = 'ble:';
export const isBluetoothLockId = (id: string): boolean => id.startsWith(idPrefix);
/** How long connecting may take before the lock counts as out of range. */
const connectTimeoutMs = 10_000;

/**
 * Bluetooth locks through the dongle in use: the scan list (what each lock advertises, matched
 * to its door by serial), jobs on a lock in range (connect, authenticate with the lock's key,
 * then the same driver and job bodies as through a key-programmer), and commissioning of a
 * factory-new lock with the setup code on its label.
 */
export function createBluetoothLocks(deps: BluetoothDeps): BluetoothLocks {
  const { db } = deps;
  const heard = new HeardLocks();
  const directory = new LockDirectory(db);
  const jobs = new Map<string, StartedJob>();
  let central: BleCentral | null = null;
  let stopScan: (() => Promise<void>) | null = null;

  // The list moves with every report (signal strength): windows hear of it at most once a second.
  let notice: NodeJS.Timeout | null = null;
  const listChanged = (): void => {
    notice ??= setTimeout(() => {
      notice = null;
      deps.changed(['bluetooth']);
    }, 1_000);
    notice.unref();
  };

  const running = (lockId: string): boolean => jobs.get(lockId)?.record.status === 'running';

  const dongles = watchDongles({
    ...deps,
    changed: () => deps.changed(['bluetooth']),
    opened(next) {
      central = next;
      stopScan = null;
      if (!next) {
        heard.clear();
        for (const job of jobs.values()) job.abort.abort(new DoorFailure('disconnected', 'The Bluetooth dongle went away.'));
        return;
      }
      void next
        .startScan([lockServiceUuid], (advertisement) => {
          const decoded = decodeLockAdvertisement(advertisement);
          if (decoded.ok && heard.hear(decoded.lock, Date.now())) listChanged();
        })
        .then(
          (stop) => (central === next ? (stopScan = stop) : void stop()),
          (error: unknown) => deps.logError(error),
        );
    },
  });

  // Also while locks are heard, so "heard 5 s ago" and signal strength stay current on the page.
  const sweep = setInterval(() => {
    if (heard.sweep(Date.now(), running) || heard.list().length > 0) listChanged();
  }, 2_000);
  sweep.unref();

  const entryFor = (id: string) => {
    const entry = isBluetoothLockId(id) ? heard.get(id.slice(idPrefix.length)) : undefined;
    if (!entry) throw new PorterError('not_found', 'That lock is out of range now. Move closer to it and wait for it to show in the list.', 'programmerId');
    return entry;
  };

  const connect = async (peripheralId: string, signal: AbortSignal) => {
    if (!central) throw new DoorFailure('disconnected', 'No Bluetooth dongle is in use.');
    return central.connect(peripheralId, lockServiceUuid, AbortSignal.any([signal, AbortSignal.timeout(connectTimeoutMs)]));
  };

  const opensWith = async (peripheralId: string, key: Uint8Array, signal: AbortSignal): Promise<boolean> => {
    try {
      await (await openBleLockSession(await connect(peripheralId, signal), key, signal)).close();
      return true;
    } catch {
      return false;
    }
  };

  const lockView = (lockId: string): BluetoothLock => {
    const { lock, lastHeardAt } = heard.get(lockId)!;
    const known = directory.lookup(lockId, Date.now());
    const door = known ? doorById(db, known.doorId) : null;
    const job = jobs.get(lockId);
    const latest = job?.record.status === 'running' ? job.record : door ? latestJobForDoor(db, door.id) : null;
    return {
      id: `${idPrefix}${lockId}`,
      serial: known?.serial ?? null,
      rssi: lock.rssi,
      batteryPercent: lock.batteryPercent,
      commissioned: lock.commissioned,
      door: door ? { id: door.id, name: door.name, kind: door.kind, buildingName: doorBuildingName(db, door.id) } : null,
      pending: door ? desiredChecksum(door) !== lock.tableChecksum : false,
      lastHeardAt: new Date(lastHeardAt).toISOString(),
      busy: running(lockId),
      job: latest ? jobView(db, latest) : null,
    };
  };

  // The table a door should hold, as its checksum: a lock advertising another one is pending
  // (changes it lacks, a reset, a new lock). Kept per desired version: grants change it.
  const desired = new Map<string, { version: number; checksum: number }>();
  const desiredChecksum = (door: DoorHardwareRecord): number => {
    const known = desired.get(door.id);
    if (known?.version === door.desiredVersion) return known.checksum;
    const checksum = tableChecksum(desiredTable(db, door.id, deps.community().timeZone));
    desired.set(door.id, { version: door.desiredVersion, checksum });
    return checksum;
  };


  return {
    overview(): Omit<BluetoothOverview, 'round' | 'simulatedFloorId'> {
      return {
        ...dongles.view(),
        locks: heard
          .list()
          .sort((a, b) => b.lock.rssi - a.lock.rssi)
          .map((e) => lockView(e.lock.lockId)),
      };
    },

    chooseDongle: (id: string) => dongles.choose(id),

    target(id: string): JobTarget {
      const { lock } = entryFor(id);
      const known = directory.lookup(lock.lockId, Date.now());
      const door = known ? doorById(db, known.doorId) : null;
      if (!known || !door) throw new PorterError('not_allowed', 'This lock is not assigned to a door on this console: commission it first.', 'programmerId');
      let driver: KeyProgrammerDriver | null = null;
      return {
        door,
        busy: () => running(lock.lockId),
        over: 'radio',
        leadSteps: ['Connect and authenticate'],
        async open(control) {
          control.step(0);
          const key = lockKeyFor(db, known.serial);
          if (!key) throw new DoorFailure('auth_failed', `This console holds no key for lock ${known.serial}; commission it from this console.`);
          try {
            const connection = await connect(lock.peripheralId, control.signal);
            driver = keyProgrammerDriver(await openBleLockSession(connection, key, control.signal));
            control.finish(0, `${lock.rssi} dBm · MTU ${connection.mtu}`);
            return driver;
          } catch (error) {
            throw transportFailure(error);
          }
        },
        async release() {
          await driver?.close().catch(() => undefined);
          listChanged();
        },
        started: (job) => jobs.set(lock.lockId, job),
      };
    },

    async commission(id: string, doorId: string, setupCode: string, actor: StaffMember): Promise<void> {
      const { lock } = entryFor(id);
      if (lock.commissioned) throw new PorterError('not_allowed', 'This lock is commissioned already. A lock is commissioned again only after a factory reset.', 'lockId');
      const door = doorById(db, doorId);
      if (!door) throw new PorterError('not_found', 'There is no door with this id.', 'doorId');
      const signal = AbortSignal.timeout(30_000);
      try {
        const connection = await connect(lock.peripheralId, signal);
        const info = await readLockInfo(connection, signal, 5_000).catch(async (error: unknown) => {
          await connection.disconnect();
          throw error;
        });
        if (info.modelId !== door.lockModelId) {
          await connection.disconnect();
          const model = (id: string) => {
            const known = listLockModels(db).find((m) => m.id === id);
            return known ? `the ${known.maker} ${known.name}` : 'of a model Porter does not know';
          };
          throw new PorterError('not_allowed', `${door.name}’s lock is ${model(door.lockModelId)} in Porter; this lock is ${model(info.modelId)}. Choose the door it is installed on.`, 'doorId');
        }
        // Kept before it goes out: if the answer is lost, a session with it tells whether the lock took it.
        const key = newLockKey();
        saveLockKey(db, info.serial, key, deps.now().toISOString(), actor.name);
        await provisionLock(connection, setupCode, key, signal).catch(async (error: unknown) => {
          // The answer was lost with the link (the lock hangs up once it has its key): a
          // session with the new key settles whether the lock took it, as a checksum settles a commit.
          if (!['disconnected', 'timeout'].includes(transportFailure(error).reason) || !(await opensWith(lock.peripheralId, key, signal))) throw error;
        });
        runUserAction(db, () => {
          assignSerial(db, door.id, info.serial);
          const at = deps.now().toISOString();
          return {
            result: undefined,
            record: {
              audit: { at, actor: actor.name, action: 'door.lock_assigned', subjectId: door.id, summary: `${actor.name} commissioned Bluetooth lock ${info.serial} on ${door.name}`, details: { doorId: door.id, serial: info.serial, bluetooth: true } },
              mutation: { kind: 'door.lock_assigned', payload: { doorId: door.id, serial: info.serial, at }, actor },
            },
          };
        });
        directory.invalidate();
      } catch (error) {
        if (error instanceof PorterError) throw error;
        const failure = transportFailure(error);
        if (failure.reason === 'auth_failed')
          throw new PorterError('device', 'The setup code does not match this lock’s label. Check the 8 digits and try again; after five wrong codes the lock refuses commissioning for 10 minutes.', 'setupCode');
        const { message, advice } = jobError(failure, 'radio');
        throw new PorterError('device', `${message} ${advice}`, 'setupCode');
      } finally {
        listChanged();
      }
    },

    doorsChanged: () => directory.invalidate(),

    pendingInRange() {
      const inRange = this.overview().locks.flatMap((l) => (l.pending && !l.busy && l.door ? [{ lockId: l.id, door: l.door }] : []));
      // Doors still holding an ended credential first, the longest exposed first; then by signal.
      const exposedSince = new Map(pendingDoors(db).map((d) => [d.id, d.exposedSince]));
      const rank = (doorId: string): string => exposedSince.get(doorId) ?? '\uffff';
      return inRange.map((x, i) => ({ x, i })).sort((a, b) => rank(a.x.door.id).localeCompare(rank(b.x.door.id)) || a.i - b.i).map(({ x }) => x);
    },

    async close(): Promise<void> {
      clearInterval(sweep);
      if (notice) clearTimeout(notice);
      await stopScan?.().catch(() => undefined);
      await dongles.close();
    },
  };
}
