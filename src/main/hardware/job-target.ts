import type { KeyProgrammerDriver } from '../devices/drivers/key-programmer-driver';
import type { DoorHardwareRecord } from '../store/door-table-repo';
import type { DoorLink } from './failure-advice';
import type { JobControl, StartedJob } from './job-runner';

/**
 * What a job runs through: a key-programmer with a door on its cable, or a Bluetooth lock in
 * range. Either way the job talks to the door with the same driver and commands; a target
 * may have steps of its own first (connecting and authenticating, over Bluetooth).
 */
export interface JobTarget {
  /** The door the lock is assigned to. */
  door: DoorHardwareRecord;
  busy(): boolean;
  /** What the advice after a failure talks about. */
  over: DoorLink;
  leadSteps: readonly string[];
  /** The driver for the job, marking the lead steps as it goes; given back by `release`. */
  open(control: JobControl): Promise<KeyProgrammerDriver>;
  /** After the job, however it ended. */
  release(): Promise<void>;
  started(job: StartedJob): void;
}

/** The control a job's own steps see: numbered from their first, after the target's. */
export function offsetControl(control: JobControl, offset: number): JobControl {
  return {
    signal: control.signal,
    step: (i, detail) => control.step(i + offset, detail),
    finish: (i, detail, status) => control.finish(i + offset, detail, status),
    progress: (fraction) => control.progress(fraction),
    plan: (plan) => control.plan(plan),
  };
}
