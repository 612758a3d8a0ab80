import type { DataTopic } from '../../shared/contract';
import type { BluetoothOverview, DoorJob, HardwareOverview, HardwareSimulation, JobKind, Programmer, ReaderConfig, StaffMember } from '../../shared/domain';
import { PorterError } from '../../shared/errors';
import type { AccessContext } from '../access/access-context';
import type { KeyProgrammerDriver } from '../devices/drivers/key-programmer-driver';
import type { HidBus, HidLink } from '../devices/link';
import { interruptRunningJobs, latestJobForDoor, unfinishedJobs, type JobRecord } from '../store/door-jobs-repo';
import { doorBySerial, type DoorHardwareRecord } from '../store/door-table-repo';
import { lockModelsInService, pendingDoors } from '../store/hardware-repo';
import { runUserAction } from '../store/user-action';
import { assignLock } from './assign-lock';
import { configureReader, configureReaderSteps } from './configure-reader';
import { jobError } from './failure-advice';
import { attachedDoorViews, jobView } from './hardware-views';
import { createBluetoothLocks, isBluetoothLockId, type BluetoothDeps } from './bluetooth/bluetooth-locks';
import { createBluetoothRound } from './bluetooth/bluetooth-round';
import type { BluetoothSimulator } from '../../../simulators/training/training-bluetooth';
import { startJob, type JobControl, type StartedJob } from './job-runner';
import { offsetControl, type JobTarget } from './job-target';
import { isBusy, watchProgrammers, type ConnectedProgrammer } from './programmers';
import { programDoor, programSteps } from './program-door';
import { readAuditSteps, readDoorAudit } from './read-door-audit';
import { setClockSteps, setDoorClock } from './set-door-clock';

export interface Simulator {
  bus: HidBus;
  bluetooth: BluetoothSimulator;
  /** True once the simulated programmer was plugged in (no real one was found at start). */
  active(): boolean;
  simulate(action: HardwareSimulation): Promise<void>;
}

export interface HardwareDeps extends AccessContext {
  changed: (topics: DataTopic[]) => void;
  /** Buses with real programmers (node-hid), listed whatever the simulator does. */
  buses: HidBus[];
  /** The simulated programmer's bus, when the hardware is simulated. */
  simulator: Simulator | null;
  openDriver: (link: HidLink) => Promise<KeyProgrammerDriver>;
  /** BLE dongles and how to open one; null when this console does no Bluetooth. */
  bluetooth: Pick<BluetoothDeps, 'listDongles' | 'openCentral' | 'logError'> | null;
  hotplugIntervalMs?: number;
  doorPollMs?: number;
}

export type HardwareService = ReturnType<typeof createHardwareService>;

/**
 * The Hardware page's service: programmers as they come and go, the door on each cable
 * matched to its door by serial, and jobs on doors (program, read the audit trail, set the
 * clock, configure a reader), one at a time per programmer, each recorded and resumable.
 */
export function createHardwareService(deps: HardwareDeps) {
  const { db } = deps;
  interruptRunningJobs(db, deps.now().toISOString());
  const attachedDoorView = attachedDoorViews(deps);
  // Progress can tick every few milliseconds; windows need a few refreshes a second.
  let pendingNotice: NodeJS.Timeout | null = null;
  const notify = (topics: DataTopic[] = ['doors']): void => {
    if (topics.length > 1) return deps.changed(topics);
    pendingNotice ??= setTimeout(() => {
      pendingNotice = null;
      deps.changed(['doors']);
    }, 150);
  };
  const programmers = watchProgrammers({
    buses: deps.simulator ? [...deps.buses, deps.simulator.bus] : deps.buses,
    openDriver: deps.openDriver,
    onChange: () => notify(),
    hotplugIntervalMs: deps.hotplugIntervalMs,
    doorPollMs: deps.doorPollMs,
  });

  const bluetooth = deps.bluetooth ? createBluetoothLocks({ ...deps, ...deps.bluetooth, hotplugIntervalMs: deps.hotplugIntervalMs }) : null;
  const bluetoothOff = (): never => {
    throw new PorterError('not_allowed', 'This console does not use Bluetooth.');
  };
  const round = createBluetoothRound({
    pendingInRange: () => bluetooth?.pendingInRange() ?? [],
    program: (lockId, actor) => rerunnable(lockId, 'program', actor, null).done,
    changed: () => deps.changed(['bluetooth']),
    now: deps.now,
  });

  const assignedDoor = (p: ConnectedProgrammer): DoorHardwareRecord => {
    if (!p.door) throw new PorterError('not_allowed', 'No door is connected to this programmer’s cable.');
    const door = doorBySerial(db, p.door.serial);
    if (!door) throw new PorterError('not_allowed', `The lock on the cable (serial ${p.door.serial}) is not assigned to a door yet.`);
    return door;
  };

  /** A programmer's door as a job's target. */
  const programmerTarget = (programmerId: string): JobTarget => {
    const p = programmer(programmerId);
    const driver = p.driver;
    if (!driver) throw new PorterError('not_allowed', p.message ?? 'This programmer is not ready.');
    return {
      door: assignedDoor(p),
      busy: () => isBusy(p),
      over: 'cable',
      leadSteps: [],
      open: async () => driver,
      // The page shows the door as it is now, not as it was before the job.
      release: () => programmers.refresh(programmerId, true),
      started: (job) => (p.job = job),
    };
  };

  /** A programmer's id, or a Bluetooth lock's (`ble:<lock id>`). */
  const targetFor = (id: string): JobTarget => (isBluetoothLockId(id) ? (bluetooth ?? bluetoothOff()).target(id) : programmerTarget(id));

  const begin = (
    id: string,
    kind: JobKind,
    steps: string[],
    actor: StaffMember,
    body: (driver: KeyProgrammerDriver, doorId: string, control: JobControl) => Promise<string>,
    resumes: JobRecord | null = null,
  ): StartedJob => {
    const target = targetFor(id);
    if (target.busy()) throw new PorterError('not_allowed', 'This programmer or lock is already running a job; wait for it to finish.');
    const { door, leadSteps } = target;
    const started = startJob(
      { db, now: deps.now, onChange: () => notify() },
      { kind, doorId: door.id, actor, steps: [...leadSteps, ...steps], resumes: resumes ?? undefined, over: target.over },
      async (control) => {
        try {
          const driver = await target.open(control);
          return await body(driver, door.id, offsetControl(control, leadSteps.length));
        } finally {
          await target.release();
        }
      },
    );
    target.started(started);
    void started.done.then((record) => {
      if (record.status !== 'succeeded' && db.open) auditFailure(record, door, actor);
      notify(['doors', 'units', 'activity', 'bluetooth']);
    });
    notify(['doors', 'activity']);
    return started;
  };

  const auditFailure = (record: JobRecord, door: DoorHardwareRecord, actor: StaffMember): void => {
    runUserAction(db, () => ({
      result: undefined,
      record: { audit: { at: deps.now().toISOString(), actor: actor.name, action: 'door.job_failed', subjectId: door.id, summary: `${record.kind.replace('_', ' ')} on ${door.name} ${record.status}: ${record.error?.message ?? ''}`, details: { doorId: door.id, jobId: record.id, status: record.status, error: record.error } }, mutation: null },
    }));
  };

  /**
   * The jobs that need nothing but the door, so Resume can run them again as they were: each
   * kind's steps and work. Configuring a reader needs the form's values and is started apart.
   */
  const rerunnable = (id: string, kind: Exclude<JobKind, 'configure_reader'>, actor: StaffMember, resumes: JobRecord | null): StartedJob => {
    const jobs = {
      program: { steps: programSteps, run: (driver: KeyProgrammerDriver, doorId: string, control: JobControl) => programDoor(deps, driver, doorId, actor, control, resumes) },
      read_audit: { steps: readAuditSteps, run: (driver: KeyProgrammerDriver, doorId: string, control: JobControl) => readDoorAudit(deps, driver, doorId, actor, control) },
      set_clock: { steps: setClockSteps, run: (driver: KeyProgrammerDriver, doorId: string, control: JobControl) => setDoorClock(deps, driver, doorId, actor, control) },
    };
    return begin(id, kind, jobs[kind].steps, actor, jobs[kind].run, resumes);
  };

  const programmer = (id: string): ConnectedProgrammer => {
    const p = programmers.list().find((x) => x.info.path === id);
    if (!p) throw new PorterError('not_found', 'That programmer is no longer connected. Plug it in again.', 'programmerId');
    return p;
  };

  const view = (p: ConnectedProgrammer): Programmer => {
    const door = p.door ? doorBySerial(db, p.door.serial) : null;
    const running = isBusy(p);
    // The job running now, else the latest on the door on the cable (which may have been left interrupted).
    const own = p.job && (running || p.job.record.doorId === door?.id) ? p.job.record : null;
    const latest = own ?? (door ? latestJobForDoor(db, door.id) : null);
    return {
      id: p.info.path,
      name: p.identity?.model ?? p.info.product ?? 'Key-programmer',
      serial: p.identity?.serial ?? p.info.serialNumber,
      firmware: p.identity?.firmware ?? null,
      simulated: p.info.simulated,
      state: running ? 'busy' : p.driver ? 'ready' : 'error',
      message: p.message,
      door: p.door ? attachedDoorView(p.door, door) : null,
      job: latest ? jobView(db, latest) : null,
    };
  };

  const unfinishedJobOn = (door: DoorHardwareRecord): JobRecord | null => {
    const latest = latestJobForDoor(db, door.id);
    return latest && latest.status !== 'succeeded' ? latest : null;
  };
  const jobOf = (started: StartedJob): DoorJob => jobView(db, started.record);

  return {
    overview(): HardwareOverview {
      return {
        programmers: programmers.list().map(view),
        simulated: deps.simulator?.active() ?? false,
        models: lockModelsInService(db),
        pendingDoors: pendingDoors(db),
        unfinishedJobs: unfinishedJobs(db).map((job) => jobView(db, job)),
      };
    },
    program: (id: string, actor: StaffMember) => jobOf(rerunnable(id, 'program', actor, null)),
    resume(id: string, actor: StaffMember): DoorJob {
      const unfinished = unfinishedJobOn(targetFor(id).door);
      if (!unfinished) throw new PorterError('not_allowed', 'This door has no unfinished job to resume.');
      if (unfinished.kind === 'configure_reader') throw new PorterError('not_allowed', 'Write the reader’s configuration again from the form.');
      return jobOf(rerunnable(id, unfinished.kind, actor, unfinished));
    },
    readAudit: (id: string, actor: StaffMember) => jobOf(rerunnable(id, 'read_audit', actor, null)),
    setClock: (id: string, actor: StaffMember) => jobOf(rerunnable(id, 'set_clock', actor, null)),
    configureReader: (id: string, config: ReaderConfig, actor: StaffMember) =>
      jobOf(begin(id, 'configure_reader', configureReaderSteps, actor, (driver, doorId, control) => configureReader(deps, driver, doorId, config, actor, control))),
    async readerConfig(id: string): Promise<ReaderConfig> {
      const p = programmer(id);
      if (!p.driver || isBusy(p)) throw new PorterError('not_allowed', 'This programmer is busy; wait for its job to finish.');
      assignedDoor(p);
      try {
        return await p.driver.readReaderConfig(AbortSignal.timeout(5_000));
      } catch (error) {
        const { message, advice } = jobError(error);
        throw new PorterError('device', `${message} ${advice}`);
      }
    },
    bluetooth(): BluetoothOverview {
      if (!bluetooth) return { dongles: [], dongle: null, state: 'no_dongle', message: 'This console does not use Bluetooth.', locks: [], round: null, simulatedFloorId: null };
      return { ...bluetooth.overview(), round: round.view(), simulatedFloorId: deps.simulator?.bluetooth.floorId() ?? null };
    },
    async useDongle(dongleId: string): Promise<BluetoothOverview> {
      if (!(await (bluetooth ?? bluetoothOff()).chooseDongle(dongleId)))
        throw new PorterError('not_found', 'That dongle is no longer plugged in.', 'dongleId');
      return this.bluetooth();
    },
    startBluetoothRound(actor: StaffMember): BluetoothOverview {
      round.start(actor);
      return this.bluetooth();
    },
    stopBluetoothRound(): BluetoothOverview {
      round.stop();
      return this.bluetooth();
    },
    async commissionLock(lockId: string, doorId: string, setupCode: string, actor: StaffMember): Promise<BluetoothOverview> {
      await (bluetooth ?? bluetoothOff()).commission(lockId, doorId, setupCode, actor);
      notify(['doors', 'units', 'activity', 'bluetooth']);
      return this.bluetooth();
    },
    async assignLock(id: string, doorId: string, actor: StaffMember): Promise<Programmer> {
      const p = programmer(id);
      assignLock(deps, p, doorId, actor);
      bluetooth?.doorsChanged();
      notify(['doors', 'units', 'activity']);
      return view(p);
    },
    async simulate(action: HardwareSimulation): Promise<HardwareOverview> {
      // Bluetooth is simulated on its own: a real programmer may sit beside a simulated dongle.
      const simulating = action.action.startsWith('ble_') ? bluetooth?.overview().dongle?.simulated === true : deps.simulator?.active();
      if (!deps.simulator || !simulating) throw new PorterError('not_allowed', 'This console uses real hardware; there is no simulator to control.');
      await deps.simulator.simulate(action);
      if (action.action.startsWith('ble_')) deps.changed(['bluetooth']);
      await Promise.all(programmers.list().map((p) => programmers.refresh(p.info.path)));
      notify(['doors']);
      return this.overview();
    },
    async close(): Promise<void> {
      if (pendingNotice) clearTimeout(pendingNotice);
      await Promise.all([programmers.close(), bluetooth?.close()]);
      await deps.simulator?.bluetooth.close();
    },
  };
}
