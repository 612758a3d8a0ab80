import type { GrantPayload } from '../../shared/sync';
import { possessive } from '../../shared/rules/words';
import { MutationRefused } from '../rules/refusal';
import { unitLabel, type Sentence } from '../rules/sentences';
import type { CredentialRecord } from '../store/cloud-store';
import type { ApplyContext } from './apply-context';
import { checkKioskMayChange } from './kiosk-rule';

/*
 * A vendor's visit: one bulk grant's credentials, one per unit, made on one console. They
 * share one code (or pass), the guest is texted once for all of them, and a revoke of any
 * ends them all. The cloud holds a visit to its first credential: the others must come from
 * the same console for the same guest and access, and take its settled code, so no console
 * can join another's visit to learn its code.
 */

/** How a grant joins its visit: the first of it (settled and texted as any grant), or a later one taking the visit's code and pass. */
export type VisitJoin = { first: true } | { first: false; pinCode: string | null; blePass: string | null };

export async function joinVisit(ctx: ApplyContext, grant: GrantPayload & { visit: { id: string } }): Promise<VisitJoin> {
  const members = await ctx.tx.visitCredentials(grant.visit.id);
  const lead = members[0];
  if (!lead) return { first: true };
  if (lead.originConsoleId !== ctx.console.id)
    throw new MutationRefused('forbidden', `This grant names a visit granted on another console; a visit is one console’s bulk grant, so it was not added.`);
  const same = lead.guest.phone === grant.guest.phone && lead.kind === grant.kind && lead.audience === grant.audience && JSON.stringify(lead.schedule) === JSON.stringify(grant.schedule);
  if (!same) throw new MutationRefused('invalid_payload', `This grant names ${possessive(lead.guest.name)} visit but not the same guest and access, so it was not added.`);
  const live = members.filter((m) => m.endReason === null);
  if (live.length === 0 && members.some((m) => m.endReason === 'revoked'))
    throw new MutationRefused('conflict', `${possessive(lead.guest.name)} visit was already revoked by ${lead.endedBy} at ${lead.endedAt}, so this unit was not added to it.`);
  if (live.some((m) => m.unitId === grant.unitId)) throw new MutationRefused('conflict', `${possessive(lead.guest.name)} visit already covers this unit; it was not granted twice.`);
  return { first: false, pinCode: lead.pinCode, blePass: lead.blePass };
}

/**
 * The live credentials a revoke ends: the named one, or, when it is part of a visit, every
 * live credential of the visit. Each must be one the actor may revoke, or none is ended.
 */
export async function credentialsToRevoke(ctx: ApplyContext, named: CredentialRecord): Promise<CredentialRecord[]> {
  if (!named.visitId) return [named];
  const live = (await ctx.tx.visitCredentials(named.visitId)).filter((m) => m.endReason === null);
  for (const m of live) checkKioskMayChange(ctx, m, 'revoke');
  return live;
}

/** "North Tower 301, 302, 303; South Tower 101" */
export async function visitUnitsLabel(ctx: ApplyContext, members: readonly CredentialRecord[]): Promise<string> {
  const units = await Promise.all(members.map(async (m) => ({ id: m.unitId, unit: await ctx.tx.unit(m.unitId) })));
  const byBuilding = new Map<string, string[]>();
  for (const { id, unit } of units) {
    const building = unit?.buildingName ?? '';
    byBuilding.set(building, [...(byBuilding.get(building) ?? []), unit ? unit.number : id]);
  }
  const byNumber = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
  return [...byBuilding]
    .sort(([a], [b]) => byNumber(a, b))
    .map(([b, numbers]) => `${b ? `${b} ` : ''}${numbers.sort(byNumber).join(', ')}`)
    .join('; ');
}

/** The guest's one text names the visit's first unit and how many more: "North Tower 301 and 13 more units". */
export async function visitTextLabel(ctx: ApplyContext, unitId: string, units: number): Promise<string> {
  const first = unitLabel(await ctx.tx.unit(unitId), unitId);
  return units > 1 ? `${first} and ${units - 1} more unit${units === 2 ? '' : 's'}` : first;
}

export function visitRevokedSentence(actorName: string, guestName: string, units: number, labels: string): Sentence {
  return { action: 'access.revoked', summary: `${actorName} revoked ${possessive(guestName)} visit: ${units} unit${units === 1 ? '' : 's'} (${labels})` };
}
