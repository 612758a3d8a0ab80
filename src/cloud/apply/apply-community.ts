import type { Guidelines } from '../../shared/domain';
import { MutationRefused } from '../rules/refusal';
import { sentences } from '../rules/sentences';
import { appendMutationChange, type Applied, type ApplyContext } from './apply-context';

/** community.guidelines_changed (admins only, see may-act): grants applied after it are held to it. */
export async function applyGuidelines(ctx: ApplyContext, payload: { communityId: string; guidelines: Guidelines; at: string }): Promise<Applied> {
  if (payload.communityId !== ctx.community.id)
    throw new MutationRefused('not_found', `These guidelines are for ${payload.communityId}, not ${ctx.community.name}.`);
  const amenities = await ctx.tx.doors(payload.guidelines.amenityDoorIds);
  const unknown = payload.guidelines.amenityDoorIds.filter((id) => !amenities.some((d) => d.id === id && d.kind === 'amenity'));
  if (unknown.length) throw new MutationRefused('invalid_payload', `Not amenity doors of ${ctx.community.name}: ${unknown.join(', ')}.`);
  await ctx.tx.setGuidelines(payload.guidelines);
  const said = sentences['community.guidelines_changed'](ctx.actor, ctx.community.name);
  return { status: 'accepted', cursor: await appendMutationChange(ctx, payload, said), textsQueued: false };
}

type DoorReport =
  | { kind: 'door.programmed' | 'door.lock_assigned'; payload: { doorId: string } & Record<string, unknown> }
  | { kind: 'door.events_read'; payload: { doorId: string; records: unknown[] } & Record<string, unknown> };

/** door.programmed, .lock_assigned, .events_read: recorded for every console, for a door the cloud knows. */
export async function applyDoorReport(ctx: ApplyContext, report: DoorReport): Promise<Applied> {
  const [door] = await ctx.tx.doors([report.payload.doorId]);
  if (!door) throw new MutationRefused('not_found', `${ctx.community.name} has no door ${report.payload.doorId} in the cloud.`);
  const said =
    report.kind === 'door.events_read' ? sentences['door.events_read'](ctx.actor, door.name, report.payload.records.length) : sentences[report.kind](ctx.actor, door.name);
  return { status: 'accepted', cursor: await appendMutationChange(ctx, report.payload, said), textsQueued: false };
}
