import type { Guidelines } from '../../../shared/domain';
import { assertNever } from '../../../shared/errors';
import { ChangeBody } from '../../../shared/sync';
import type { AccessContext } from '../../access/access-context';
import { appendAudits, type AuditRecord } from '../../store/audit-log';
import { assignSerial } from '../../store/door-table-repo';
import { markDoorChanged } from '../../store/door-credentials-repo';
import { doorSerial, setGuidelines, setTextStatus } from '../../store/received-changes-repo';
import type { CloudChange } from '../cloud-client';
import { applyCredentialWritten, changePin, endIfLive, endVisitIfLive, type EndedEarly } from './apply-credential';
import { receiveApprovalDecision, receiveApprovalRequest } from './apply-approval';
import { endsAhead, type EndAhead, type ReadChange } from './ends-ahead';

export interface ApplyContext extends AccessContext {
  consoleId: string;
  /** The community's guidelines changed on another console: the core swaps them in. */
  guidelinesChanged: (guidelines: Guidelines) => void;
}

export type ApplyOutcome = 'applied' | 'unchanged' | 'skipped';

/**
 * Applies a batch of the cloud's changes, in order, inside the caller's transaction: each
 * payload read once by its kind (src/shared/sync/changes.ts: one that does not parse, or a kind
 * this console does not know, is skipped and counted, never half-applied), a grant the batch
 * also ends written already ended (ends-ahead.ts). Every change applies idempotently (a change
 * seen twice changes nothing the second time), and another console's change adds its audit
 * line here, naming where it came from, so the logs of every console tell the same story.
 */
export function applyBatch(ctx: ApplyContext, changes: readonly CloudChange[]): { applied: number; skipped: number } {
  const read = changes.map(readChange);
  const ends = endsAhead(read);
  const endedEarly: EndedEarly = new Map();
  const received: AuditRecord[] = [];
  let applied = 0;
  let skipped = 0;
  changes.forEach((change, index) => {
    const { body, by } = read[index]!;
    const outcome = body ? applyPayload(ctx, change, body, by, ends.get(index), endedEarly) : 'skipped';
    if (outcome === 'skipped') skipped++;
    if (outcome !== 'applied') return;
    applied++;
    if (change.origin !== ctx.consoleId)
      received.push({
        at: change.at,
        actor: by,
        action: 'sync.received',
        subjectId: typeof change.payload.credentialId === 'string' ? change.payload.credentialId : null,
        summary: change.audit.summary,
        details: { origin: change.origin, cursor: change.cursor, kind: change.kind, action: change.audit.action },
      });
  });
  // Applying appends no other entry: the batch's lines go in together, in the changes' order.
  appendAudits(ctx.db, received);
  return { applied, skipped };
}

function readChange(change: CloudChange): ReadChange {
  const parsed = ChangeBody.safeParse({ kind: change.kind, payload: change.payload });
  return { body: parsed.success ? parsed.data : null, by: change.actor?.name ?? 'the cloud' };
}

/** The change's payload by its kind. `endsAs`: a later change of the batch ends this grant. */
function applyPayload(ctx: ApplyContext, change: CloudChange, body: ChangeBody, by: string, endsAs: EndAhead | undefined, endedEarly: EndedEarly): ApplyOutcome {
  const done = (changed: boolean): ApplyOutcome => (changed ? 'applied' : 'unchanged');
  switch (body.kind) {
    case 'credential.granted':
    case 'credential.reissued': {
      const granter = { name: by, role: change.actor?.role ?? null, originConsole: change.origin === ctx.consoleId ? null : change.origin };
      return done(applyCredentialWritten(ctx, body.payload, granter, endsAs, endedEarly));
    }
    case 'credential.revoked':
    case 'credential.expired':
    case 'credential.used': {
      // A visit's revoke ends every unit of it, whether or not the one it names was written ended.
      const visitEnded = body.kind === 'credential.revoked' && body.payload.visitId ? endVisitIfLive(ctx, body.payload.visitId, by) : false;
      const doors = endedEarly.get(body.payload.credentialId);
      if (doors) {
        // Its grant, earlier in this batch, wrote it ended: what is left of ending it.
        endedEarly.delete(body.payload.credentialId);
        const at = ctx.now().toISOString();
        for (const doorId of doors) markDoorChanged(ctx.db, doorId, at);
        return 'applied';
      }
      const reason = body.kind === 'credential.revoked' ? 'revoked' : body.kind === 'credential.expired' ? 'expired' : 'used';
      return done(endIfLive(ctx, body.payload.credentialId, reason, by) || visitEnded);
    }
    case 'credential.pin_changed':
      // A code withheld from this console (a kiosk): there is nothing here to change.
      return body.payload.pinCode === null ? 'unchanged' : done(changePin(ctx, body.payload.credentialId, body.payload.pinCode, body.payload.at));
    case 'credential.text_status':
      return done(setTextStatus(ctx.db, body.payload.credentialId, body.payload.status, body.payload.error));
    case 'community.guidelines_changed':
      setGuidelines(ctx.db, body.payload.guidelines);
      ctx.guidelinesChanged(body.payload.guidelines);
      return 'applied';
    case 'door.lock_assigned':
      if (doorSerial(ctx.db, body.payload.doorId) === body.payload.serial) return 'unchanged';
      assignSerial(ctx.db, body.payload.doorId, body.payload.serial);
      return 'applied';
    case 'credential.text_requested':
      // The cloud sends the text; its outcome comes as credential.text_status.
      return 'skipped';
    case 'approval.requested':
      return done(receiveApprovalRequest(ctx, body.payload, change));
    case 'approval.decided':
      return done(receiveApprovalDecision(ctx, body.payload, change, by));
    case 'door.programmed':
    case 'door.events_read':
      // Facts about a door this console may never see on its cable: the audit line is what
      // matters here (added by the caller).
      return 'applied';
    default:
      return assertNever(body, 'change kind');
  }
}
