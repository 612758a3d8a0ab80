import type { Audience, BulkGrantResult, BulkRun, CredentialKind, Schedule } from '../../shared/domain';
import type { Db } from './database';
import { statement } from './statement';

/** What every unit of a bulk run is given: the same guest, kind and resolved schedule. */
export interface BulkRunGrant {
  kind: CredentialKind;
  audience: Audience;
  guest: { name: string; phone: string; company: string | null };
  schedule: Schedule;
}

export interface RunUnit {
  unitId: string;
  unitLabel: string;
}

export interface NewBulkRun {
  id: string;
  startedAt: string;
  startedBy: string;
  /** "Delivery PIN code for Dana Whitfield of Brightway Cleaning" */
  what: string;
  grant: BulkRunGrant;
  units: readonly RunUnit[];
}

/** Records a run and its units, in order, before the first unit is granted. */
export function recordBulkRun(db: Db, run: NewBulkRun): void {
  db.transaction(() => {
    db.prepare('INSERT INTO bulk_runs (id, started_at, started_by, what, grant_json, total) VALUES (?, ?, ?, ?, ?, ?)').run(
      run.id, run.startedAt, run.startedBy, run.what, JSON.stringify(run.grant), run.units.length,
    );
    const unit = db.prepare('INSERT INTO bulk_run_units (run_id, unit_id, position, unit_label) VALUES (?, ?, ?, ?)');
    run.units.forEach((u, i) => unit.run(run.id, u.unitId, i, u.unitLabel));
  })();
}

/**
 * Marks a unit granted, inside the transaction that granted it. False when the unit already
 * has an outcome (another finisher got there first): the caller rolls its grant back.
 */
// Each unit of a run is marked in its own transaction: prepared once, not once a unit.
export const unitGranted = statement<[credentialId: string, runId: string, unitId: string]>(
  "UPDATE bulk_run_units SET outcome = 'granted', credential_id = ? WHERE run_id = ? AND unit_id = ? AND outcome IS NULL",
);
const unitRefused = statement<[code: string, reason: string, runId: string, unitId: string]>(
  "UPDATE bulk_run_units SET outcome = 'refused', code = ?, reason = ? WHERE run_id = ? AND unit_id = ? AND outcome IS NULL",
);

export function markUnitGranted(db: Db, runId: string, unitId: string, credentialId: string): boolean {
  return unitGranted(db).run(credentialId, runId, unitId).changes === 1;
}

export function markUnitRefused(db: Db, runId: string, unitId: string, code: string, reason: string): void {
  unitRefused(db).run(code, reason, runId, unitId);
}

/** The units of a run with no outcome yet, in the run's order. */
export function unitsLeft(db: Db, runId: string): RunUnit[] {
  return db
    .prepare<[runId: string], RunUnit>('SELECT unit_id AS unitId, unit_label AS unitLabel FROM bulk_run_units WHERE run_id = ? AND outcome IS NULL ORDER BY position')
    .all(runId);
}

interface OutcomeRow {
  unit_id: string;
  unit_label: string;
  outcome: 'granted' | 'refused';
  credential_id: string | null;
  code: string | null;
  reason: string | null;
}

/**
 * A unit left out before the run (some door of it cannot hold the credential, and the request
 * said to leave such units out): kept as a refusal with this code, listed apart as `leftOut`.
 */
export const leftOutCode = 'left_out';

/** Every unit's outcome so far, in the run's order. */
export function runOutcome(db: Db, runId: string): BulkGrantResult {
  const rows = db
    .prepare<[runId: string], OutcomeRow>('SELECT unit_id, unit_label, outcome, credential_id, code, reason FROM bulk_run_units WHERE run_id = ? AND outcome IS NOT NULL ORDER BY position')
    .all(runId);
  return {
    granted: rows.filter((r) => r.outcome === 'granted').map((r) => ({ unitId: r.unit_id, unitLabel: r.unit_label, credentialId: r.credential_id! })),
    refused: rows.filter((r) => r.outcome === 'refused' && r.code !== leftOutCode).map((r) => ({ unitId: r.unit_id, unitLabel: r.unit_label, code: r.code!, reason: r.reason! })),
    leftOut: rows.filter((r) => r.outcome === 'refused' && r.code === leftOutCode).map((r) => ({ unitId: r.unit_id, unitLabel: r.unit_label, reason: r.reason! })),
  };
}

/** Inside the transaction that writes the run's summary entry. */
export function markRunFinished(db: Db, runId: string, at: string, by: string): void {
  db.prepare('UPDATE bulk_runs SET finished_at = ?, finished_by = ? WHERE id = ?').run(at, by, runId);
}

interface RunRow {
  id: string;
  started_at: string;
  started_by: string;
  what: string;
  total: number;
  done: number;
  grant_json: string;
}

const selectRun = `SELECT r.id, r.started_at, r.started_by, r.what, r.total, r.grant_json,
    (SELECT count(*) FROM bulk_run_units u WHERE u.run_id = r.id AND u.outcome IS NOT NULL) AS done
  FROM bulk_runs r`;

const toRun = (r: RunRow): BulkRun => ({ id: r.id, what: r.what, startedAt: r.started_at, startedBy: r.started_by, done: r.done, total: r.total });

/**
 * Runs not finished, oldest first. A run goes unit after unit without yielding, so while the
 * core can answer this, none of its own runs is under way: an unfinished one was cut short.
 */
export function stoppedRuns(db: Db): BulkRun[] {
  return db.prepare<[], RunRow>(`${selectRun} WHERE r.finished_at IS NULL ORDER BY r.started_at, r.id`).all().map(toRun);
}

/** A run not yet finished, with what it grants; null when there is none by that id. */
export function stoppedRun(db: Db, runId: string): (BulkRun & { grant: BulkRunGrant }) | null {
  const row = db.prepare<[runId: string], RunRow>(`${selectRun} WHERE r.id = ? AND r.finished_at IS NULL`).get(runId);
  return row ? { ...toRun(row), grant: JSON.parse(row.grant_json) as BulkRunGrant } : null;
}

/** What a run (finished or not) grants; null when there is none by that id. */
export function runGrant(db: Db, runId: string): BulkRunGrant | null {
  const json = db.prepare<[runId: string], string>('SELECT grant_json FROM bulk_runs WHERE id = ?').pluck().get(runId);
  return json ? (JSON.parse(json) as BulkRunGrant) : null;
}
