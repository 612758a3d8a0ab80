import type { DataTopic } from '../../shared/contract';
import type { DoorJob, HardwareOverview, HardwareSimulation, JobKind, Programmer, ReaderConfig, StaffMember } from '../../shared/domain';
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
import { startJob, type JobControl } from './job-runner';
import { isBusy, watchProgrammers, type ConnectedProgrammer } from './programmers';
import { programDoor, programSteps } from './program-door';
import { readAuditSteps, readDoorAudit } from './read-door-audit';
import { setClockSteps, setDoorClock } from './set-door-clock';

export interface Simulator {
  bus: HidBus;
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

  const assignedDoor = (p: ConnectedProgrammer): DoorHardwareRecord => {
    if (!p.door) throw new PorterError('not_allowed', 'No door is connected to this programmer’s cable.');
    const door = doorBySerial(db, p.door.serial);
    if (!door) throw new PorterError('not_allowed', `The lock on the cable (serial ${p.door.serial}) is not assigned to a door yet.`);
    return door;
  };

  const begin = (
    programmerId: string,
    kind: JobKind,
    steps: string[],
    actor: StaffMember,
    body: (driver: KeyProgrammerDriver, doorId: string, control: JobControl) => Promise<string>,
    resumes: JobRecord | null = null,
  ): DoorJob => {
    const p = programmer(programmerId);
    if (isBusy(p)) throw new PorterError('not_allowed', 'This programmer is already running a job; wait for it to finish.');
    if (!p.driver) throw new PorterError('not_allowed', p.message ?? 'This programmer is not ready.');
    const door = assignedDoor(p);
    const driver = p.driver;
    const started = startJob(
      { db, now: deps.now, onChange: () => notify() },
      { kind, doorId: door.id, actor, steps, resumes: resumes ?? undefined },
      async (control) => {
        try {
          return await body(driver, door.id, control);
        } finally {
          // The page shows the door as it is now, not as it was before the job.
          await programmers.refresh(programmerId, true);
        }
      },
    );
    p.job = started;
    void started.done.then((record) => {
      if (record.status !== 'succeeded' && db.open) auditFailure(record, door, actor);
      notify(['doors', 'units', 'activity']);
    });
    notify(['doors', 'activity']);
    return jobView(db, started.record);
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
  const rerunnable = (id: string, kind: Exclude<JobKind, 'configure_reader'>, actor: StaffMember, resumes: JobRecord | null): DoorJob => {
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

  const jobFor = (p: ConnectedProgrammer): JobRecord | null => {
    const door = assignedDoor(p);
    const latest = latestJobForDoor(db, door.id);
    return latest && latest.status !== 'succeeded' ? latest : null;
  };

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
    program: (id: string, actor: StaffMember) => rerunnable(id, 'program', actor, null),
    resume(id: string, actor: StaffMember): DoorJob {
      const unfinished = jobFor(programmer(id));
      if (!unfinished) throw new PorterError('not_allowed', 'This door has no unfinished job to resume.');
      if (unfinished.kind === 'configure_reader') throw new PorterError('not_allowed', 'Write the reader’s configuration again from the form.');
      return rerunnable(id, unfinished.kind, actor, unfinished);
    },
    readAudit: (id: string, actor: StaffMember) => rerunnable(id, 'read_audit', actor, null),
    setClock: (id: string, actor: StaffMember) => rerunnable(id, 'set_clock', actor, null),
    configureReader: (id: string, config: ReaderConfig, actor: StaffMember) =>
      begin(id, 'configure_reader', configureReaderSteps, actor, (driver, doorId, control) => configureReader(deps, driver, doorId, config, actor, control)),
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
    async assignLock(id: string, doorId: string, actor: StaffMember): Promise<Programmer> {
      const p = programmer(id);
      assignLock(deps, p, doorId, actor);
      notify(['doors', 'units', 'activity']);
      return view(p);
    },
    async simulate(action: HardwareSimulation): Promise<HardwareOverview> {
      if (!deps.simulator?.active()) throw new PorterError('not_allowed', 'This console uses real hardware; there is no simulator to control.');
      await deps.simulator.simulate(action);
      await Promise.all(programmers.list().map((p) => programmers.refresh(p.info.path)));
      notify(['doors']);
      return this.overview();
    },
    async close(): Promise<void> {
      if (pendingNotice) clearTimeout(pendingNotice);
      await programmers.close();
    },
  };
}
