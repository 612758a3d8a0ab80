import { writeCredential } from '../../src/main/access/credential-writer';
import { isVisit, visitShare } from '../../src/main/access/vendor-visit';
import { markUnitGranted, recordBulkRun, runOutcome, unitsLeft, type BulkRunGrant } from '../../src/main/store/bulk-runs-repo';
import { getCommunity } from '../../src/main/store/community-repo';
import type { Db } from '../../src/main/store/database';
import { runUserAction } from '../../src/main/store/user-action';
import type { StaffMember } from '../../src/shared/domain';

/**
 * What a bulk grant a crash cut short leaves in the store: the run and its units, the first
 * `done` of them granted (credential, audit entry and outbox row, as the run writes them),
 * the rest without an outcome. Written through the store's own code, for pages to open on.
 */
export function seedStoppedRun(db: Db, options: { buildingId: string; floor: number; done: number; grant: BulkRunGrant; what: string; by: StaffMember; at: Date }): string {
  const units = db
    .prepare("SELECT u.id AS unitId, b.name || ' ' || u.number AS unitLabel FROM units u JOIN buildings b ON b.id = u.building_id WHERE u.building_id = ? AND u.floor_level = ? ORDER BY u.unit_key")
    .all(options.buildingId, options.floor) as { unitId: string; unitLabel: string }[];
  const id = 'bulk_seeded_stopped_run';
  recordBulkRun(db, { id, startedAt: options.at.toISOString(), startedBy: options.by.name, what: options.what, grant: options.grant, units });
  const community = getCommunity(db);
  const ctx = { db, now: () => options.at, community: () => community };
  // A vendor's run is one visit, its units sharing one code, as bulk-grant.ts writes it.
  const visit = isVisit(options.grant) ? db.transaction(() => visitShare(ctx, id, options.grant, unitsLeft(db, id), runOutcome(db, id)))() : undefined;
  for (const unit of units.slice(0, options.done))
    runUserAction(db, () => {
      const w = writeCredential(ctx, options.by, { unitId: unit.unitId, ...options.grant, ...(visit ? { visit } : {}) });
      markUnitGranted(db, id, unit.unitId, w.id);
      return {
        result: undefined,
        record: {
          audit: { at: w.at, actor: options.by.name, action: 'access.granted', subjectId: w.id, summary: `Granted for ${unit.unitLabel} (bulk)`, details: { unitId: unit.unitId, bulk: true, runId: id } },
          mutation: { kind: 'credential.granted', payload: w.payload, actor: options.by },
        },
      };
    });
  return id;
}
