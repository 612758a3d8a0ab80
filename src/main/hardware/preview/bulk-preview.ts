import type { z } from 'zod';
import type { BulkAccessPreview, BulkPreviewRequest, DoorPreview, UnitPreviewSummary } from '../../../shared/domain';
import type { AccessContext } from '../../access/access-context';
import { targetUnits } from '../../access/bulk-grant';
import { doorsOnTheWay } from '../../access/door-coverage';
import { doorHolds, whyDoorsCannotHold } from '../../access/door-hold';
import { compileForLock } from '../../access/schedule';
import { draftSchedule } from './access-preview';
import { previewDoor } from './door-preview';

type DoorRow = BulkAccessPreview['doors'][number];

/** Unit doors alike (same lock model, schedule as run, path, approximations) share one row. */
function alikeKey(row: DoorPreview): string {
  return JSON.stringify([row.lockModel, row.schedule, row.delivery, row.approximations]);
}

/**
 * A bulk draft before it is sent: each unit's summary (its doors, how many live or at the next
 * round, how many approximated, whether all can hold it), the units that cannot (what a bulk
 * grant refuses up front, or leaves out when asked), and the doors of the units that can:
 * each shared door once with how many units reach it, unit doors alike in one row. Slots are
 * the next free one when each unit is written.
 */
export function bulkPreview(ctx: AccessContext, request: z.output<typeof BulkPreviewRequest>): BulkAccessPreview {
  const units = targetUnits(ctx, request.target);
  const schedule = draftSchedule(ctx, request.schedule);
  const community = ctx.community();
  const user = compileForLock(schedule, community.timeZone);
  const byDoor = new Map<string, DoorPreview>();
  const doorRows = new Map<string, DoorRow>();
  const summaries: UnitPreviewSummary[] = [];
  // Nothing is written while previewing: each door's hold is asked once.
  const hold = doorHolds(ctx, request.kind, schedule);
  for (const unit of units) {
    const doors = doorsOnTheWay(ctx.db, community, unit.id, schedule);
    const rows = doors.map((d) => byDoor.get(d.id) ?? byDoor.set(d.id, previewDoor(ctx, d, request.kind, schedule, user, hold)).get(d.id)!);
    const reason = whyDoorsCannotHold(community, doors, request.kind, hold);
    summaries.push({
      unitId: unit.id,
      unitLabel: unit.label,
      doors: rows.length,
      live: rows.filter((r) => r.delivery.path === 'live').length,
      round: rows.filter((r) => r.delivery.path === 'round').length,
      approximated: rows.filter((r) => r.approximations.length > 0).length,
      canHold: reason === null,
      reason,
    });
    if (reason !== null) continue;
    for (const row of rows) {
      const key = row.door.kind === 'unit' ? `unit|${alikeKey(row)}` : row.door.id;
      const seen = doorRows.get(key);
      doorRows.set(key, seen ? { ...seen, units: seen.units + 1 } : { ...row, slot: null, units: 1 });
    }
  }
  const doors = [...doorRows.values()].map((r) => (r.door.kind === 'unit' && r.units > 1 ? { ...r, door: { ...r.door, name: `${r.units} unit doors` } } : r));
  return {
    units: summaries,
    cannotHold: summaries.flatMap((s) => (s.reason === null ? [] : [{ unitId: s.unitId, unitLabel: s.unitLabel, reason: s.reason }])),
    doors: [...doors.filter((d) => d.door.kind === 'unit'), ...doors.filter((d) => d.door.kind !== 'unit')],
  };
}
