import type { DataTopic } from '../../shared/contract';
import type { BluetoothOverview, DoorJob, HardwareOverview, HardwareSimulation, Programmer, ReaderConfig, SimulatedZWavePanel, StaffMember } from '../../shared/domain';
import { PorterError } from '../../shared/errors';
import type { AccessContext } from '../access/access-context';
import type { KeyProgrammerDriver } from '../devices/drivers/key-programmer-driver';
import type { HidLink } from '../devices/link';
import { latestJobForDoor, unfinishedJobs } from '../store/door-jobs-repo';
import { lockModelsInService, pendingDoors } from '../store/hardware-repo';
import { createBluetoothLocks, type BluetoothLocks } from './bluetooth/bluetooth-locks';
import { createBluetoothRound } from './bluetooth/bluetooth-round';
import type { HardwareLinks } from './hardware-provider';
import { jobView } from './hardware-views';
import { createLiveLocks } from './live-locks/create-live-locks';
import type { LiveLocks } from './live-locks/live-locks';
import { createProgrammerJobs } from './programmer-jobs';

export interface HardwareDeps extends AccessContext {
  changed: (topics: DataTopic[]) => void;
  /** Where programmers and dongles are found: the product's real links, or training's simulators. */
  links: HardwareLinks;
  openDriver: (link: HidLink) => Promise<KeyProgrammerDriver>;
  logError: (error: unknown) => void;
  hotplugIntervalMs?: number;
  doorPollMs?: number;
  /** The live lock queue's first retry; tests shorten it. */
  liveRetryMs?: number;
}

/** The Hardware page's service: what the contract's hardware commands do. */
export interface HardwareService {
  overview(): HardwareOverview;
  program(id: string, actor: StaffMember): DoorJob;
  /** Finishes the door's interrupted or failed job as it was started. */
  resume(id: string, actor: StaffMember): DoorJob;
  readAudit(id: string, actor: StaffMember): DoorJob;
  setClock(id: string, actor: StaffMember): DoorJob;
  configureReader(id: string, config: ReaderConfig, actor: StaffMember): DoorJob;
  readerConfig(id: string): Promise<ReaderConfig>;
  assignLock(id: string, doorId: string, actor: StaffMember): Promise<Programmer>;
  bluetooth(): BluetoothOverview;
  useDongle(dongleId: string): Promise<BluetoothOverview>;
  startBluetoothRound(actor: StaffMember): BluetoothOverview;
  stopBluetoothRound(): BluetoothOverview;
  commissionLock(lockId: string, doorId: string, setupCode: string, actor: StaffMember): Promise<BluetoothOverview>;
  /** The live locks a Z-Wave stick reaches; null on a console that has no Z-Wave link. */
  live: LiveLocks | null;
  /** Training only (the contract's training section): the simulator panels; null on a product console. */
  training: TrainingControls | null;
  /** Stops the round, closes every link, and resolves once every job has ended and recorded how. */
  close(): Promise<void>;
}

export interface TrainingControls {
  simulate(action: HardwareSimulation): Promise<HardwareOverview>;
  /** The Z-Wave simulator panel's view of the simulated locks and stick. */
  zwave(): SimulatedZWavePanel;
}

/**
 * Composes the four parts of door hardware: programmer jobs (through a cable or a lock in
 * range), Bluetooth locks (the dongle, the locks heard, the round), live locks (a Z-Wave
 * stick's network), and, in training only, the simulators' controls.
 */
export function createHardwareService(deps: HardwareDeps): HardwareService {
  const { db, links } = deps;
  // Progress can tick every few milliseconds; windows need a few refreshes a second.
  let pendingNotice: NodeJS.Timeout | null = null;
  const notify = (topics: DataTopic[] = ['doors']): void => {
    if (topics.length > 1) return deps.changed(topics);
    pendingNotice ??= setTimeout(() => {
      pendingNotice = null;
      deps.changed(['doors']);
    }, 150);
  };
  const bluetooth: BluetoothLocks | null = links.bluetooth
    ? createBluetoothLocks({ ...deps, ...links.bluetooth, hotplugIntervalMs: deps.hotplugIntervalMs })
    : null;
  const live: LiveLocks | null = links.live
    ? createLiveLocks({ ...deps, ...links.live, hotplugIntervalMs: deps.hotplugIntervalMs, firstRetryMs: deps.liveRetryMs })
    : null;
  const bluetoothOff = (): never => {
    throw new PorterError('not_allowed', 'This console does not use Bluetooth.');
  };
  const jobs = createProgrammerJobs({ ...deps, buses: links.buses, notify, bluetoothTarget: bluetooth ? (id) => bluetooth.target(id) : null });
  const round = createBluetoothRound({
    pendingInRange: () => bluetooth?.pendingInRange() ?? [],
    program: (lockId, actor) => jobs.start(lockId, 'program', actor).done,
    changed: () => deps.changed(['bluetooth']),
    now: deps.now,
  });

  const service: HardwareService = {
    overview: () => ({
      programmers: jobs.programmers(),
      models: lockModelsInService(db),
      pendingDoors: pendingDoors(db),
      unfinishedJobs: unfinishedJobs(db).map((job) => jobView(db, job)),
    }),
    program: (id, actor) => jobs.jobView(jobs.start(id, 'program', actor)),
    resume(id, actor) {
      const latest = latestJobForDoor(db, jobs.doorOf(id).id);
      const unfinished = latest && latest.status !== 'succeeded' ? latest : null;
      if (!unfinished) throw new PorterError('not_allowed', 'This door has no unfinished job to resume.');
      if (unfinished.kind === 'configure_reader') throw new PorterError('not_allowed', 'Write the reader’s configuration again from the form.');
      return jobs.jobView(jobs.start(id, unfinished.kind, actor, unfinished));
    },
    readAudit: (id, actor) => jobs.jobView(jobs.start(id, 'read_audit', actor)),
    setClock: (id, actor) => jobs.jobView(jobs.start(id, 'set_clock', actor)),
    configureReader: (id, config, actor) => jobs.jobView(jobs.configureReader(id, config, actor)),
    readerConfig: (id) => jobs.readerConfig(id),
    async assignLock(id, doorId, actor) {
      const programmer = jobs.assignLock(id, doorId, actor);
      bluetooth?.doorsChanged();
      notify(['doors', 'units', 'activity']);
      return programmer;
    },
    bluetooth() {
      if (!bluetooth) return { dongles: [], dongle: null, state: 'no_dongle', message: 'This console does not use Bluetooth.', locks: [], round: null, simulatedFloorId: null };
      return { ...bluetooth.overview(), round: round.view(), simulatedFloorId: links.simulators?.floorId() ?? null };
    },
    async useDongle(dongleId) {
      if (!(await (bluetooth ?? bluetoothOff()).chooseDongle(dongleId))) throw new PorterError('not_found', 'That dongle is no longer plugged in.', 'dongleId');
      return service.bluetooth();
    },
    startBluetoothRound(actor) {
      round.start(actor);
      return service.bluetooth();
    },
    stopBluetoothRound() {
      round.stop();
      return service.bluetooth();
    },
    async commissionLock(lockId, doorId, setupCode, actor) {
      await (bluetooth ?? bluetoothOff()).commission(lockId, doorId, setupCode, actor);
      notify(['doors', 'units', 'activity', 'bluetooth']);
      return service.bluetooth();
    },
    live,
    training: links.simulators ? trainingControls(links.simulators, () => service.overview(), jobs.refresh, notify) : null,
    async close() {
      // No next door for the round; closing the links cuts the jobs in hand short (interrupted, resumable).
      round.stop();
      await Promise.all([jobs.close(), bluetooth?.close(), live?.close()]);
      await round.close();
      await links.close();
      if (pendingNotice) clearTimeout(pendingNotice);
    },
  };
  return service;
}

/** The simulator panels: each action, then the page as the technician will see it. */
function trainingControls(
  simulators: NonNullable<HardwareLinks['simulators']>,
  overview: () => HardwareOverview,
  refresh: () => Promise<void>,
  notify: (topics?: DataTopic[]) => void,
): TrainingControls {
  return {
    async simulate(action) {
      await simulators.simulate(action);
      if (action.action.startsWith('ble_')) notify(['bluetooth', 'doors']);
      await refresh();
      notify();
      return overview();
    },
    zwave: () => simulators.zwave(),
  };
}
