import type { DataTopic } from '../../shared/contract';
import type { DoorJob, JobKind, Programmer, ReaderConfig, StaffMember } from '../../shared/domain';
import { PorterError } from '../../shared/errors';
import type { AccessContext } from '../access/access-context';
import type { KeyProgrammerDriver } from '../devices/drivers/key-programmer-driver';
import type { HidBus, HidLink } from '../devices/link';
import { interruptRunningJobs, latestJobForDoor, type JobRecord } from '../store/door-jobs-repo';
import { doorBySerial, type DoorHardwareRecord } from '../store/door-table-repo';
import { runUserAction } from '../store/user-action';
import { assignLock } from './assign-lock';
import { configureReader, configureReaderSteps } from './configure-reader';
import { jobError } from './failure-advice';
import { attachedDoorViews, jobView } from './hardware-views';
import { startJob, type JobControl, type StartedJob } from './job-runner';
import { offsetControl, type JobTarget } from './job-target';
import { isBusy, watchProgrammers, type ConnectedProgrammer } from './programmers';
import { programDoor, programSteps } from './program-door';
import { readAuditSteps, readDoorAudit } from './read-door-audit';
import { setClockSteps, setDoorClock } from './set-door-clock';

export interface ProgrammerJobsDeps extends AccessContext {
  buses: HidBus[];
  openDriver: (link: HidLink) => Promise<KeyProgrammerDriver>;
  /** A Bluetooth lock's id (`ble:<lock id>`) as a job's target; null when this console does no Bluetooth. */
  bluetoothTarget: ((id: string) => JobTarget) | null;
  /** Something a window shows changed: a few topics at once, or only 'doors' (coalesced by the caller). */
  notify(topics?: DataTopic[]): void;
  hotplugIntervalMs?: number;
  doorPollMs?: number;
}

/** Jobs a technician runs on a door: through a key-programmer's cable or a Bluetooth lock in range. */
export type RerunnableKind = Exclude<JobKind, 'configure_reader'>;

export interface ProgrammerJobs {
  /** The programmers plugged in now, each with the door on its cable and its latest job. */
  programmers(): Programmer[];
  /** Starts a job that needs nothing but the door; `resumes` finishes an unfinished one. */
  start(id: string, kind: RerunnableKind, actor: StaffMember, resumes?: JobRecord | null): StartedJob;
  configureReader(id: string, config: ReaderConfig, actor: StaffMember): StartedJob;
  readerConfig(id: string): Promise<ReaderConfig>;
  assignLock(id: string, doorId: string, actor: StaffMember): Programmer;
  /** The door behind a programmer's id or a Bluetooth lock's. */
  doorOf(id: string): DoorHardwareRecord;
  jobView(started: StartedJob): DoorJob;
  /** Asks every programmer again what is on its cable. */
  refresh(): Promise<void>;
  /** Stops watching, and resolves once every job has ended and recorded how. */
  close(): Promise<void>;
}

/**
 * Programmers as they come and go, the door on each cable matched to its door by serial, and
 * jobs on doors (program, read the audit trail, set the clock, configure a reader), one at a
 * time per programmer or lock, each recorded and resumable.
 */
export function createProgrammerJobs(deps: ProgrammerJobsDeps): ProgrammerJobs {
  const { db } = deps;
  interruptRunningJobs(db, deps.now().toISOString());
  const attachedDoorView = attachedDoorViews(deps);
  const running = new Set<Promise<unknown>>();
  const watched = watchProgrammers({
    buses: deps.buses,
    openDriver: deps.openDriver,
    onChange: () => deps.notify(),
    hotplugIntervalMs: deps.hotplugIntervalMs,
    doorPollMs: deps.doorPollMs,
  });

  const programmer = (id: string): ConnectedProgrammer => {
    const p = watched.list().find((x) => x.info.path === id);
    if (!p) throw new PorterError('not_found', 'That programmer is no longer connected. Plug it in again.', 'programmerId');
    return p;
  };

  const assignedDoor = (p: ConnectedProgrammer): DoorHardwareRecord => {
    if (!p.door) throw new PorterError('not_allowed', 'No door is connected to this programmer’s cable.');
    const door = doorBySerial(db, p.door.serial);
    if (!door) throw new PorterError('not_allowed', `The lock on the cable (serial ${p.door.serial}) is not assigned to a door yet.`);
    return door;
  };

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
      release: () => watched.refresh(programmerId, true),
      started: (job) => (p.job = job),
    };
  };

  const targetFor = (id: string): JobTarget => {
    if (!id.startsWith('ble:')) return programmerTarget(id);
    if (!deps.bluetoothTarget) throw new PorterError('not_allowed', 'This console does not use Bluetooth.');
    return deps.bluetoothTarget(id);
  };

  const auditFailure = (record: JobRecord, door: DoorHardwareRecord, actor: StaffMember): void => {
    runUserAction(db, () => ({
      result: undefined,
      record: { audit: { at: deps.now().toISOString(), actor: actor.name, action: 'door.job_failed', subjectId: door.id, summary: `${record.kind.replace('_', ' ')} on ${door.name} ${record.status}: ${record.error?.message ?? ''}`, details: { doorId: door.id, jobId: record.id, status: record.status, error: record.error } }, mutation: null },
    }));
  };

  const begin = (
    id: string,
    kind: JobKind,
    steps: string[],
    actor: StaffMember,
    body: (driver: KeyProgrammerDriver, doorId: string, control: JobControl) => Promise<string>,
    resumes: JobRecord | null,
  ): StartedJob => {
    const target = targetFor(id);
    if (target.busy()) throw new PorterError('not_allowed', 'This programmer or lock is already running a job; wait for it to finish.');
    const { door, leadSteps } = target;
    const started = startJob(
      { db, now: deps.now, onChange: () => deps.notify() },
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
    // Closing waits for this: the store is still open when a job cut short by the close records how it ended.
    const recorded = started.done.then((record) => {
      if (record.status !== 'succeeded') auditFailure(record, door, actor);
      deps.notify(['doors', 'units', 'activity', 'bluetooth']);
    });
    running.add(recorded);
    void recorded.finally(() => running.delete(recorded));
    deps.notify(['doors', 'activity']);
    return started;
  };

  const view = (p: ConnectedProgrammer): Programmer => {
    const door = p.door ? doorBySerial(db, p.door.serial) : null;
    const busy = isBusy(p);
    // The job running now, else the latest on the door on the cable (which may have been left interrupted).
    const own = p.job && (busy || p.job.record.doorId === door?.id) ? p.job.record : null;
    const latest = own ?? (door ? latestJobForDoor(db, door.id) : null);
    return {
      id: p.info.path,
      name: p.identity?.model ?? p.info.product ?? 'Key-programmer',
      serial: p.identity?.serial ?? p.info.serialNumber,
      firmware: p.identity?.firmware ?? null,
      simulated: p.info.simulated,
      state: busy ? 'busy' : p.driver ? 'ready' : 'error',
      message: p.message,
      door: p.door ? attachedDoorView(p.door, door) : null,
      job: latest ? jobView(db, latest) : null,
    };
  };

  type JobBody = (driver: KeyProgrammerDriver, doorId: string, actor: StaffMember, control: JobControl, resumes: JobRecord | null) => Promise<string>;
  const jobs: Record<RerunnableKind, { steps: string[]; run: JobBody }> = {
    program: { steps: programSteps, run: (driver, doorId, actor, control, resumes) => programDoor(deps, driver, doorId, actor, control, resumes) },
    read_audit: { steps: readAuditSteps, run: (driver, doorId, actor, control) => readDoorAudit(deps, driver, doorId, actor, control) },
    set_clock: { steps: setClockSteps, run: (driver, doorId, actor, control) => setDoorClock(deps, driver, doorId, actor, control) },
  };

  return {
    programmers: () => watched.list().map(view),
    start(id, kind, actor, resumes = null) {
      const job = jobs[kind];
      return begin(id, kind, job.steps, actor, (driver, doorId, control) => job.run(driver, doorId, actor, control, resumes), resumes);
    },
    configureReader: (id, config, actor) =>
      begin(id, 'configure_reader', configureReaderSteps, actor, (driver, doorId, control) => configureReader(deps, driver, doorId, config, actor, control), null),
    async readerConfig(id) {
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
    assignLock(id, doorId, actor) {
      const p = programmer(id);
      assignLock(deps, p, doorId, actor);
      return view(p);
    },
    doorOf: (id) => targetFor(id).door,
    jobView: (started) => jobView(db, started.record),
    refresh: async () => {
      await Promise.all(watched.list().map((p) => watched.refresh(p.info.path)));
    },
    async close() {
      await watched.close();
      await Promise.all(running);
    },
  };
}
