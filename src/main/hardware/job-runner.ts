import { randomUUID } from 'node:crypto';
import type { JobKind, JobStep, StaffMember } from '../../shared/domain';
import { DoorFailure } from '../devices/drivers/door-failure';
import type { Db } from '../store/database';
import { insertJob, saveJob, stepsProgress, type JobPlan, type JobRecord } from '../store/door-jobs-repo';
import { jobError, type DoorLink } from './failure-advice';

/** What a job's body uses to report: step by step, and progress within a step. */
export interface JobControl {
  readonly signal: AbortSignal;
  /** Marks step i running (earlier ones done) with an optional detail. */
  step(i: number, detail?: string | null): void;
  /** Marks step i done, or skipped, with a detail. */
  finish(i: number, detail: string | null, status?: 'done' | 'skipped'): void;
  /** Progress within the running step, 0..1. */
  progress(fraction: number): void;
  /** Keeps a program job's plan with the job, so a resume can compare the door with it. */
  plan(plan: JobPlan): void;
}

export interface JobDeps {
  db: Db;
  now: () => Date;
  /** Called when the job's view changed; the service throttles what it sends to windows. */
  onChange: (job: JobRecord) => void;
}

export interface StartedJob {
  record: JobRecord;
  abort: AbortController;
  done: Promise<JobRecord>;
}

/**
 * Runs a job on a door: records it before the first byte goes out, keeps its steps, and ends
 * it succeeded, failed (the door refused: the technician must act) or interrupted (the cable
 * or programmer went away: Resume finishes it). The body throws DoorFailure for the expected.
 */
export function startJob(
  deps: JobDeps,
  job: { kind: JobKind; doorId: string; actor: StaffMember; steps: string[]; resumes?: JobRecord; over?: DoorLink },
  body: (control: JobControl) => Promise<string | null>,
): StartedJob {
  const abort = new AbortController();
  const record: JobRecord = job.resumes
    ? { ...job.resumes, status: 'running', finishedAt: null, error: null, result: null, steps: freshSteps(job.steps), progress: 0 }
    : {
        id: `job_${randomUUID()}`,
        doorId: job.doorId,
        kind: job.kind,
        status: 'running',
        startedBy: job.actor.name,
        startedAt: deps.now().toISOString(),
        finishedAt: null,
        plan: null,
        steps: freshSteps(job.steps),
        error: null,
        result: null,
        progress: 0,
      };
  if (job.resumes) saveJob(deps.db, record);
  else insertJob(deps.db, record);
  let fraction = 0;
  const changed = (persist: boolean): void => {
    record.progress = record.status === 'succeeded' ? 1 : stepsProgress(record.steps, fraction);
    // A core closing mid-job closes the store only after the job has ended, so its last write lands.
    if (persist) saveJob(deps.db, record);
    deps.onChange(record);
  };
  const control: JobControl = {
    signal: abort.signal,
    step(i, detail = null) {
      record.steps.forEach((s, j) => {
        if (j < i && (s.status === 'waiting' || s.status === 'running')) s.status = 'done';
      });
      record.steps[i] = { ...record.steps[i]!, status: 'running', detail };
      fraction = 0;
      changed(true);
    },
    finish(i, detail, status = 'done') {
      record.steps[i] = { ...record.steps[i]!, status, detail };
      fraction = 0;
      changed(true);
    },
    progress(f) {
      fraction = Math.max(0, Math.min(1, f));
      changed(false);
    },
    plan(plan) {
      record.plan = plan;
      changed(true);
    },
  };
  const done = body(control).then(
    (result) => {
      record.status = 'succeeded';
      record.result = result;
      record.steps = record.steps.map((s) => (s.status === 'waiting' || s.status === 'running' ? { ...s, status: 'done' } : s));
      return record;
    },
    (error: unknown) => {
      const interrupted = error instanceof DoorFailure && ['disconnected', 'timeout', 'transport', 'aborted'].includes(error.reason);
      record.status = interrupted ? 'interrupted' : 'failed';
      record.error = jobError(error, job.over);
      record.steps = record.steps.map((s) => (s.status === 'running' ? { ...s, status: 'failed' } : s));
      return record;
    },
  ).then((final) => {
    final.finishedAt = deps.now().toISOString();
    fraction = 0;
    changed(true);
    return final;
  });
  return { record, abort, done };
}

function freshSteps(names: string[]): JobStep[] {
  return names.map((name) => ({ name, status: 'waiting', detail: null }));
}
