import type { DoorJob, JobKind, JobStep } from '../../shared/domain';
import type { Db } from './database';

/** A program job's plan, kept so a job interrupted by a replug can tell what the door holds. */
export interface JobPlan {
  version: number;
  at: string;
  baseChecksum: number | null;
  targetChecksum: number;
}

export interface JobRecord {
  id: string;
  doorId: string;
  kind: JobKind;
  status: DoorJob['status'];
  startedBy: string;
  startedAt: string;
  finishedAt: string | null;
  plan: JobPlan | null;
  steps: JobStep[];
  error: DoorJob['error'];
  result: string | null;
  /** 0..1; within a step it lives only in memory. */
  progress: number;
}

/** Steps done (or skipped) plus the running step's fraction, over all steps. */
export function stepsProgress(steps: JobStep[], runningFraction = 0): number {
  const done = steps.filter((s) => s.status === 'done' || s.status === 'skipped').length;
  return Math.min(1, (done + runningFraction) / Math.max(1, steps.length));
}

interface JobRow {
  id: string;
  door_id: string;
  kind: JobKind;
  status: DoorJob['status'];
  started_by: string;
  started_at: string;
  finished_at: string | null;
  planned_version: number | null;
  planned_at: string | null;
  base_checksum: number | null;
  target_checksum: number | null;
  steps_json: string;
  error_json: string | null;
  result: string | null;
}

function toRecord(r: JobRow): JobRecord {
  return {
    id: r.id,
    doorId: r.door_id,
    kind: r.kind,
    status: r.status,
    startedBy: r.started_by,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    plan:
      r.planned_version === null || r.planned_at === null || r.target_checksum === null
        ? null
        : { version: r.planned_version, at: r.planned_at, baseChecksum: r.base_checksum, targetChecksum: r.target_checksum },
    steps: JSON.parse(r.steps_json) as JobStep[],
    error: r.error_json ? (JSON.parse(r.error_json) as DoorJob['error']) : null,
    result: r.result,
    progress: r.status === 'succeeded' ? 1 : stepsProgress(JSON.parse(r.steps_json) as JobStep[]),
  };
}

export function insertJob(db: Db, job: JobRecord): void {
  db.prepare(
    `INSERT INTO door_jobs (id, door_id, kind, status, started_by, started_at, finished_at, planned_version, planned_at,
       base_checksum, target_checksum, steps_json, error_json, result)
     VALUES (@id, @doorId, @kind, @status, @startedBy, @startedAt, @finishedAt, @version, @at, @baseChecksum,
       @targetChecksum, @steps, @error, @result)`,
  ).run(flatten(job));
}

export function saveJob(db: Db, job: JobRecord): void {
  db.prepare(
    `UPDATE door_jobs SET status = @status, finished_at = @finishedAt, planned_version = @version, planned_at = @at,
       base_checksum = @baseChecksum, target_checksum = @targetChecksum, steps_json = @steps, error_json = @error,
       result = @result
     WHERE id = @id`,
  ).run(flatten(job));
}

function flatten(job: JobRecord) {
  return {
    id: job.id,
    doorId: job.doorId,
    kind: job.kind,
    status: job.status,
    startedBy: job.startedBy,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    version: job.plan?.version ?? null,
    at: job.plan?.at ?? null,
    baseChecksum: job.plan?.baseChecksum ?? null,
    targetChecksum: job.plan?.targetChecksum ?? null,
    steps: JSON.stringify(job.steps),
    error: job.error ? JSON.stringify(job.error) : null,
    result: job.result,
  };
}

export function getJob(db: Db, id: string): JobRecord | null {
  const row = db.prepare<[id: string], JobRow>('SELECT * FROM door_jobs WHERE id = ?').get(id);
  return row ? toRecord(row) : null;
}

/** The door's latest job, so a replugged door shows (and can resume) what was left. */
export function latestJobForDoor(db: Db, doorId: string): JobRecord | null {
  const row = db
    .prepare<[doorId: string], JobRow>('SELECT * FROM door_jobs WHERE door_id = ? ORDER BY started_at DESC, rowid DESC LIMIT 1')
    .get(doorId);
  return row ? toRecord(row) : null;
}

/** A console that stopped mid-job left 'running' rows: at start they are interrupted, not running. */
export function interruptRunningJobs(db: Db, at: string): number {
  return db
    .prepare(
      `UPDATE door_jobs SET status = 'interrupted', finished_at = @at,
         error_json = json_object('message', 'The console stopped during this job.', 'advice', 'Attach the door again and press Resume.')
       WHERE status = 'running'`,
    )
    .run({ at }).changes;
}

/** Doors whose latest job did not finish (interrupted or failed), newest first: what Resume is for. */
export function unfinishedJobs(db: Db, limit = 20): JobRecord[] {
  return db
    .prepare<[limit: number], JobRow>(
      `SELECT j.* FROM door_jobs j
       WHERE j.status IN ('interrupted', 'failed')
         AND j.rowid = (SELECT rowid FROM door_jobs l WHERE l.door_id = j.door_id ORDER BY l.started_at DESC, l.rowid DESC LIMIT 1)
       ORDER BY j.started_at DESC LIMIT ?`,
    )
    .all(limit)
    .map(toRecord);
}
