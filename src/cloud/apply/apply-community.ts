import type { Guidelines } from '../../shared/domain';
import { MutationRefused } from '../rules/refusal';
import { appendMutationChange, type Applied, type ApplyContext } from './apply-context';

/** community.guidelines_changed (admins only, see may-act): grants applied after it are held to it. */
export async function applyGuidelines(ctx: ApplyContext, payload: { communityId: string; guidelines: Guidelines; at: string }): Promise<Applied> {
  if (payload.communityId !== ctx.community.id)
    throw new MutationRefused('not_found', `These guidelines are for ${payload.communityId}, not ${ctx.community.name}.`);
  const amenities = await ctx.tx.doors(payload.guidelines.amenityDoorIds);
  const unknown = payload.guidelines.amenityDoorIds.filter((id) => !amenities.some((d) => d.id === id && d.kind === 'amenity'));
  if (unknown.length) throw new MutationRefused('invalid_payload', `Not amenity doors of ${ctx.community.name}: ${unknown.join(', ')}.`);
  await ctx.tx.setGuidelines(payload.guidelines);
  return { status: 'accepted', cursor: await appendMutationChange(ctx, payload), textsQueued: false };
}

/** door.programmed, .lock_assigned, .events_read: recorded for every console, for a door the cloud knows. */
export async function applyDoorReport(ctx: ApplyContext, payload: { doorId: string } & Record<string, unknown>): Promise<Applied> {
  const [door] = await ctx.tx.doors([payload.doorId]);
  if (!door) throw new MutationRefused('not_found', `${ctx.community.name} has no door ${payload.doorId} in the cloud.`);
  return { status: 'accepted', cursor: await appendMutationChange(ctx, payload), textsQueued: false };
}
