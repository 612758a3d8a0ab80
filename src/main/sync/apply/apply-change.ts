import { Role, type Guidelines } from '../../../shared/domain';
import type { AccessContext } from '../../access/access-context';
import { appendAudit } from '../../store/audit-log';
import { assignSerial } from '../../store/door-table-repo';
import type { CloudChange } from '../cloud-client';
import { applyCredentialWritten, changePin, endIfLive } from './apply-credential';
import { CredentialEnded, CredentialWritten, GuidelinesChanged, LockAssigned, PinChanged, TextStatus } from './change-payloads';

export interface ApplyContext extends AccessContext {
  consoleId: string;
  /** The community's guidelines changed on another console: the core swaps them in. */
  guidelinesChanged: (guidelines: Guidelines) => void;
}

export type ApplyOutcome = 'applied' | 'unchanged' | 'skipped';

/**
 * Applies one change from the cloud to this console's store, inside the caller's transaction.
 * Every change applies idempotently (a change seen twice changes nothing the second time), and
 * another console's change adds its audit line here, naming where it came from, so the logs
 * of every console tell the same story.
 */
export function applyChange(ctx: ApplyContext, change: CloudChange): ApplyOutcome {
  const by = change.actor?.name ?? 'the cloud';
  const outcome = applyPayload(ctx, change, by);
  if (outcome === 'applied' && change.origin !== ctx.consoleId && change.audit)
    appendAudit(ctx.db, {
      at: change.at,
      actor: by,
      action: 'sync.received',
      subjectId: typeof change.payload.credentialId === 'string' ? change.payload.credentialId : null,
      summary: change.audit.summary,
      details: { origin: change.origin, cursor: change.cursor, kind: change.kind, action: change.audit.action },
    });
  return outcome;
}

function applyPayload(ctx: ApplyContext, change: CloudChange, by: string): ApplyOutcome {
  const done = (changed: boolean): ApplyOutcome => (changed ? 'applied' : 'unchanged');
  switch (change.kind) {
    case 'credential.granted':
    case 'credential.reissued': {
      const c = CredentialWritten.safeParse(change.payload);
      const role = Role.safeParse(change.actor?.role);
      const granter = { name: by, role: role.success ? role.data : null, originConsole: change.origin === ctx.consoleId ? null : change.origin };
      return c.success ? done(applyCredentialWritten(ctx, c.data, granter)) : 'skipped';
    }
    case 'credential.revoked':
    case 'credential.expired':
    case 'credential.used': {
      const c = CredentialEnded.safeParse(change.payload);
      const reason = change.kind === 'credential.revoked' ? 'revoked' : change.kind === 'credential.expired' ? 'expired' : 'used';
      return c.success ? done(endIfLive(ctx, c.data.credentialId, reason, by)) : 'skipped';
    }
    case 'credential.pin_changed': {
      const c = PinChanged.safeParse(change.payload);
      if (!c.success) return 'skipped';
      // A code withheld from this console (a kiosk): there is nothing here to change.
      return c.data.pinCode === null ? 'unchanged' : done(changePin(ctx, c.data.credentialId, c.data.pinCode, c.data.at));
    }
    case 'credential.text_status': {
      const c = TextStatus.safeParse(change.payload);
      if (!c.success) return 'skipped';
      const info = ctx.db
        .prepare('UPDATE credentials SET notification = ?, notification_error = ? WHERE id = ? AND notification IS NOT ?')
        .run(c.data.status, c.data.error ?? null, c.data.credentialId, c.data.status);
      return done(info.changes > 0);
    }
    case 'community.guidelines_changed': {
      const c = GuidelinesChanged.safeParse(change.payload);
      if (!c.success) return 'skipped';
      ctx.db.prepare('UPDATE community SET guidelines_json = ?').run(JSON.stringify(c.data.guidelines));
      ctx.guidelinesChanged(c.data.guidelines);
      return 'applied';
    }
    case 'door.lock_assigned': {
      const c = LockAssigned.safeParse(change.payload);
      if (!c.success) return 'skipped';
      const current = ctx.db.prepare('SELECT serial FROM doors WHERE id = ?').pluck().get(c.data.doorId);
      if (current === c.data.serial) return 'unchanged';
      assignSerial(ctx.db, c.data.doorId, c.data.serial);
      return 'applied';
    }
    default:
      // Door programming and door records are facts about a door this console may never see
      // on its cable; the audit line is what matters here (added by the caller).
      return change.kind.startsWith('door.') ? 'applied' : 'skipped';
  }
}
