import type { StaffMember } from '../../shared/domain';
import { liveVisitCredentials } from '../store/credential-writes-repo';
import type { CredentialRecord } from '../store/credentials-repo';
import type { ActionRecord } from '../store/user-action';
import type { AccessContext } from './access-context';
import { endCredential } from './credential-writer';
import { kindNames } from './guidelines';

/** "North Tower 301–314", "North Tower 301, 305 and South Tower 101" */
export function visitUnitsLabel(records: readonly Pick<CredentialRecord, 'buildingName' | 'unitNumber'>[]): string {
  const byBuilding = new Map<string, string[]>();
  for (const r of records) byBuilding.set(r.buildingName, [...(byBuilding.get(r.buildingName) ?? []), r.unitNumber]);
  return [...byBuilding].map(([building, numbers]) => `${building} ${numbers.join(', ')}`).join('; ');
}

/**
 * Ends every live credential of a visit (inside the revoke's user action): each must be one
 * the actor may revoke, or none is. Answers the revoke's one audit entry and its one mutation,
 * which names the visit so the cloud and every console end all of it.
 */
export function revokeVisit(
  ctx: AccessContext,
  actor: StaffMember,
  named: CredentialRecord,
  visit: { id: string },
  reason: string | null,
  mayRevoke: (credentialId: string) => CredentialRecord,
): { result: undefined; record: ActionRecord } {
  const ids = liveVisitCredentials(ctx.db, visit.id);
  const records = ids.map(mayRevoke);
  const doorIds = new Set<string>();
  for (const r of records) for (const d of endCredential(ctx, r.id, 'revoked', actor.name)) doorIds.add(d);
  const at = ctx.now().toISOString();
  const units = records.length;
  return {
    result: undefined,
    record: {
      audit: {
        at,
        actor: actor.name,
        action: 'access.revoked',
        subjectId: named.id,
        summary: `Revoked ${named.guest.name}'s visit (${kindNames[named.kind]} for ${units} unit${units === 1 ? '' : 's'}: ${visitUnitsLabel(records)}) from ${doorIds.size} door${doorIds.size === 1 ? '' : 's'}${reason ? `: ${reason}` : ''}`,
        details: { visitId: visit.id, credentialIds: ids, unitIds: records.map((r) => r.unitId), doorIds: [...doorIds], reason },
      },
      mutation: { kind: 'credential.revoked', payload: { credentialId: named.id, visitId: visit.id, reason, at }, actor },
    },
  };
}
