import { porterActor } from '../store/outbox';
import { runUserAction } from '../store/user-action';
import type { AccessContext } from './access-context';
import { endCredential } from './credential-writer';
import { kindNames, typeNames } from './guidelines';

/** Who the audit log names for what the console does on its own. */
export const systemActor = 'Porter (automatic)';

/**
 * Takes credentials whose schedule has ended off their doors, on their own: each leaves the
 * doors' desired state, with an audit entry and an outbox entry. Answers how many ended.
 */
export function expireEndedCredentials(ctx: AccessContext): number {
  const now = ctx.now().toISOString();
  const due = ctx.db
    .prepare(
      `SELECT c.id, c.unit_id, c.kind, c.access_type, g.name AS guest, b.name || ' ' || u.number AS unit
       FROM credentials c JOIN guests g ON g.id = c.guest_id JOIN units u ON u.id = c.unit_id JOIN buildings b ON b.id = u.building_id
       WHERE c.ended_at IS NULL AND c.ends_at IS NOT NULL AND c.ends_at <= ?`,
    )
    .all(now) as { id: string; unit_id: string; kind: 'pin' | 'ble'; access_type: keyof typeof typeNames; guest: string; unit: string }[];
  for (const c of due) {
    runUserAction(ctx.db, () => {
      const doorIds = endCredential(ctx, c.id, 'expired', systemActor);
      return {
        result: undefined,
        record: {
          audit: { at: now, actor: systemActor, action: 'access.expired', subjectId: c.id, summary: `${c.guest}'s ${typeNames[c.access_type]} ${kindNames[c.kind]} for ${c.unit} expired and left ${doorIds.length} door${doorIds.length === 1 ? '' : 's'}`, details: { unitId: c.unit_id, doorIds } },
          mutation: { kind: 'credential.expired', payload: { credentialId: c.id, at: now }, actor: porterActor },
        },
      };
    });
  }
  return due.length;
}
