import type { BulkGrantRequest, BulkGrantResult, StaffMember } from '../../shared/domain';
import { PorterError } from '../../shared/errors';
import type { z } from 'zod';
import { appendAudit } from '../store/audit-log';
import { runUserAction } from '../store/user-action';
import type { AccessContext } from './access-context';
import { writeCredential } from './credential-writer';
import { prepareGrant } from './grant-guest-access';
import { kindNames, typeNames } from './guidelines';
import { describeSchedule } from './schedule';
import { today } from './today';
import { unitIdsMatching } from '../store/units-repo';

type ParsedBulk = z.output<typeof BulkGrantRequest>;

interface TargetUnit {
  id: string;
  label: string;
}

function targetUnits(ctx: AccessContext, target: ParsedBulk['target']): TargetUnit[] {
  const select = `SELECT u.id, b.name || ' ' || u.number AS label FROM units u
    JOIN buildings b ON b.id = u.building_id`;
  const order = 'ORDER BY b.name, u.unit_key';
  if (target.scope === 'filter') {
    const ids = unitIdsMatching(ctx.db, target.filter, today(ctx));
    if (ids.length === 0) throw new PorterError('not_found', 'No units match this filter.', 'target');
    return ctx.db.prepare(`${select} WHERE u.id IN (SELECT value FROM json_each(?)) ${order}`).all(JSON.stringify(ids)) as TargetUnit[];
  }
  const units =
    target.scope === 'units'
      ? (ctx.db.prepare(`${select} WHERE u.id IN (SELECT value FROM json_each(?)) ${order}`).all(JSON.stringify(target.unitIds)) as TargetUnit[])
      : target.scope === 'floor'
        ? (ctx.db.prepare(`${select} WHERE u.building_id = ? AND u.floor_level = ? ${order}`).all(target.buildingId, target.floor) as TargetUnit[])
        : (ctx.db.prepare(`${select} WHERE u.building_id = ? ${order}`).all(target.buildingId) as TargetUnit[]);
  if (units.length === 0) throw new PorterError('not_found', 'No units match this selection.', 'target');
  if (target.scope === 'units' && units.length < new Set(target.unitIds).size)
    throw new PorterError('not_found', 'Some of the selected units no longer exist; refresh and select again.', 'target');
  return units;
}

/**
 * A delivery or vendor credential on many units as one job: each unit is granted in its
 * own transaction (audited and queued like a single grant), a unit whose lock or doors
 * refuse it is listed with the reason, and one summary entry records the whole job.
 */
export function bulkGrant(ctx: AccessContext, actor: StaffMember, request: ParsedBulk): BulkGrantResult {
  const units = targetUnits(ctx, request.target);
  const { schedule, guest } = prepareGrant(ctx, actor, { ...request, unitId: units[0]!.id });
  const result: BulkGrantResult = { granted: [], refused: [] };
  const what = `${typeNames[schedule.type]} ${kindNames[request.kind]}`;
  for (const unit of units) {
    try {
      const id = runUserAction(ctx.db, () => {
        const w = writeCredential(ctx, actor, { unitId: unit.id, kind: request.kind, audience: request.audience, guest, schedule });
        return {
          result: w.id,
          record: {
            audit: { at: w.at, actor: actor.name, action: 'access.granted', subjectId: w.id, summary: `Granted a ${what} (${describeSchedule(schedule)}) for ${unit.label} to ${guest.name}${guest.company ? ` of ${guest.company}` : ''} (bulk)`, details: { unitId: unit.id, doorIds: w.doors.map((d) => d.id), bulk: true } },
            mutation: { kind: 'credential.granted', payload: w.payload, actor },
          },
        };
      });
      result.granted.push({ unitId: unit.id, unitLabel: unit.label, credentialId: id });
    } catch (error) {
      if (!(error instanceof PorterError)) throw error;
      result.refused.push({ unitId: unit.id, unitLabel: unit.label, code: error.code, reason: error.message });
    }
  }
  runUserAction(ctx.db, () => {
    appendAudit(ctx.db, {
      at: ctx.now().toISOString(),
      actor: actor.name,
      action: 'access.bulk_granted',
      subjectId: null,
      summary: `Bulk ${what} for ${guest.name}${guest.company ? ` of ${guest.company}` : ''}: ${result.granted.length} of ${units.length} units granted, ${result.refused.length} refused`,
      details: { refused: result.refused, granted: result.granted.map((g) => g.unitId) },
    });
    return { result: undefined, record: null };
  });
  return result;
}
