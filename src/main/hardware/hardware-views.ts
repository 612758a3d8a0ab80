import type { AttachedDoor, DoorJob } from '../../shared/domain';
import type { AccessContext } from '../access/access-context';
import type { DoorDescription } from '../devices/keyprog/commands';
import type { Db } from '../store/database';
import { latestJobForDoor, type JobRecord } from '../store/door-jobs-repo';
import { doorRef } from '../store/door-refs-repo';
import type { DoorHardwareRecord } from '../store/door-table-repo';
import { clockDriftSeconds } from './clock-drift';
import { planProgram } from './door-plan';

export function jobView(db: Db, record: JobRecord): DoorJob {
  return {
    id: record.id,
    kind: record.kind,
    door: doorRef(db, record.doorId),
    status: record.status,
    startedBy: record.startedBy,
    startedAt: record.startedAt,
    finishedAt: record.finishedAt,
    progress: record.progress,
    steps: record.steps,
    error: record.error,
    result: record.result,
  };
}

type Changes = NonNullable<AttachedDoor['changes']>;

/**
 * The lock on a cable as the technician sees it: what it says, which door it is, what it lacks.
 * Planning compiles every credential of a door (a reader holds thousands) and the Hardware page
 * asks often, so the last answer per door is kept until its versions or its checksum move.
 */
export function attachedDoorViews(ctx: AccessContext): (d: DoorDescription, door: DoorHardwareRecord | null) => AttachedDoor {
  const planCache = new Map<string, { key: string; changes: Changes }>();
  return (d, door) => attachedDoorView(ctx, planCache, d, door);
}

function attachedDoorView(ctx: AccessContext, planCache: Map<string, { key: string; changes: Changes }>, d: DoorDescription, door: DoorHardwareRecord | null): AttachedDoor {
  const model = ctx.community().lockModels.find((m) => m.id === d.modelId);
  return {
    serial: d.serial,
    kind: d.kind,
    modelId: d.modelId,
    modelName: model ? `${model.maker} ${model.name}` : d.modelId,
    firmware: d.firmware,
    batteryPercent: d.batteryPercent,
    clockDriftSeconds: clockDriftSeconds(d, ctx.now()),
    usedSlots: d.table.usedSlots,
    slots: d.capabilities.slots,
    door: door ? { id: door.id, name: door.name, kind: door.kind } : null,
    changes: door ? changesFor(ctx, planCache, door, d.table.checksum) : null,
    lastAuditRecord: d.lastAuditRecord,
  };
}

function changesFor(ctx: AccessContext, planCache: Map<string, { key: string; changes: Changes }>, door: DoorHardwareRecord, checksum: number): Changes {
  const latest = latestJobForDoor(ctx.db, door.id);
  const unfinished = latest && latest.status !== 'succeeded' ? latest.plan : null;
  const key = `${door.desiredVersion}:${door.reportedVersion}:${door.reportedAt}:${unfinished?.at}:${checksum}:${ctx.community().timeZone}`;
  const cached = planCache.get(door.id);
  if (cached?.key === key) return cached.changes;
  const plan = planProgram(ctx.db, door, ctx.community().timeZone, checksum, ctx.now().toISOString(), unfinished);
  const changes = { toWrite: plan.puts.length, toRemove: plan.deletes.length, fullRewrite: plan.fullRewrite, desired: plan.desiredCount };
  planCache.set(door.id, { key, changes });
  return changes;
}
