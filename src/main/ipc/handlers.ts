import type { DataTopic } from '../../shared/contract';
import { PorterError } from '../../shared/errors';
import type { Community, StaffMember, SyncStatus } from '../../shared/domain';
import { updateGuidelines } from '../community/update-guidelines';
import type { AccessContext } from '../access/access-context';
import { bulkGrant } from '../access/bulk-grant';
import { handOverCode } from '../access/hand-over-code';
import { finishBulkRun } from '../access/finish-bulk-run';
import { revocationExposure } from '../access/revocation-exposure';
import { toCredential } from '../access/credential-view';
import { credentialScope } from '../../shared/credential-scope';
import { shownAs, visibleRecords } from '../access/credential-visibility';
import { grantGuestAccess } from '../access/grant-guest-access';
import { rescheduleCredential } from '../access/reschedule-credential';
import { resendNotification } from '../access/resend-notification';
import { revokeCredential } from '../access/revoke-credential';
import { today } from '../access/today';
import { exportActivity } from '../activity/export-activity';
import { verifyActivity } from '../activity/verify-activity';
import type { HardwareService } from '../hardware/hardware-service';
import type { CloudStaffSignIn } from '../staff/cloud-sign-in';
import { CloudFailure } from '../sync/cloud-client';
import type { SyncEngine } from '../sync/sync-engine';
import { listActiveStaff } from '../store/staff-repo';
import { appendAudit, listAudit } from '../store/audit-log';
import { stoppedRuns } from '../store/bulk-runs-repo';
import { searchCredentials } from '../store/credential-search';
import { listUnitCredentialRecords } from '../store/credentials-repo';
import { findDoors } from '../store/hardware-repo';
import { getUnitRow, listUnits } from '../store/units-repo';
import { unitIndex } from '../store/unit-index-repo';
import { runUserAction } from '../store/user-action';
import { actorOf, type CallContext, type Handlers } from './handlers-type';
import { createLiveLockHandlers } from './live-lock-handlers';
import { createCapacityHandlers } from './capacity-handlers';
import { createApprovalHandlers, type AccessAction } from './approval-handlers';
import { createPreviewHandlers } from './preview-handlers';

export interface HandlerDeps extends AccessContext {
  /** Replaces the community the core works with, after an admin changed it. */
  setCommunity: (community: Community) => void;
  host: 'electron' | 'browser';
  /** A training console: simulated doors, never paired with a cloud. */
  training: boolean;
  staff: CloudStaffSignIn;
  /** Tells every window which data changed. */
  changed: (topics: DataTopic[]) => void;
  hardware: HardwareService;
  kioskIdleSeconds: number;
  /** The sync engine, when this core has somewhere to keep a cloud token. */
  sync: () => SyncEngine | null;
}

const accessTopics: DataTopic[] = ['units', 'credentials', 'activity', 'doors'];
const notSetUp = (): SyncStatus => ({ state: 'not_set_up', cloudUrl: null, consoleName: null, lastSyncAt: null, pending: 0, lastError: null, nextTryAt: null, waitingFor: [] });

export function createHandlers(deps: HandlerDeps): Handlers {
  const { db } = deps;

  /** Runs an access action; a refusal is audited (who tried what, and why) before it is answered. */
  const access: AccessAction = <T>(ctx: CallContext, what: string, unitId: string | null, run: (actor: StaffMember) => T): T => {
    const actor = actorOf(ctx);
    try {
      const value = run(actor);
      deps.changed(accessTopics);
      return value;
    } catch (error) {
      if (error instanceof PorterError) {
        runUserAction(db, () => {
          appendAudit(db, { at: deps.now().toISOString(), actor: actor.name, action: 'access.refused', subjectId: null, summary: `Refused to ${what}: ${error.message}`, details: { unitId, code: error.code } });
          return { result: undefined, record: null };
        });
        deps.changed(['activity']);
      }
      throw error;
    }
  };

  const session = (ctx: CallContext) => {
    const c = deps.community();
    return { operator: ctx.operator, community: { id: c.id, name: c.name, timeZone: c.timeZone }, host: deps.host, training: deps.training, kiosk: ctx.kiosk, kioskIdleSeconds: ctx.kiosk ? deps.kioskIdleSeconds : null };
  };

  return {
    'session.get': (_input, ctx) => session(ctx),
    'staff.list': () => listActiveStaff(db),
    'staff.signIn': async ({ staffId, passcode }, ctx) => {
      if (ctx.kiosk) throw new PorterError('forbidden', 'This console is a kiosk: it stays signed in as the kiosk.');
      ctx.signIn(await deps.staff.signIn(staffId, passcode, ctx.source));
      deps.changed(['activity']);
      return session(ctx);
    },
    'staff.signOut': (_input, ctx) => {
      if (ctx.kiosk) throw new PorterError('forbidden', 'This console is a kiosk: it cannot be signed out.');
      deps.staff.signOut(actorOf(ctx));
      ctx.signOut();
      return session(ctx);
    },
    'community.get': () => deps.community(),
    'community.updateGuidelines': (guidelines, ctx) => {
      const updated = updateGuidelines(db, deps.community(), actorOf(ctx), guidelines, deps.now().toISOString());
      deps.setCommunity(updated);
      deps.changed(['community', 'activity']);
      return updated;
    },
    'units.list': (query, ctx) => listUnits(db, query, today(deps), credentialScope(actorOf(ctx).role)),
    'units.index': () => unitIndex(db),
    'units.get': ({ unitId }, ctx) => {
      const unit = getUnitRow(db, unitId, today(deps));
      if (!unit) throw new PorterError('not_found', 'There is no unit with this id.', 'unitId');
      const scope = credentialScope(actorOf(ctx).role);
      const { shown, notShown } = visibleRecords(scope, listUnitCredentialRecords(db, unitId));
      return { unit, credentials: shown.map((r) => shownAs(scope, toCredential(deps, r))), notShown };
    },
    'credentials.list': (query, ctx) => {
      const scope = credentialScope(actorOf(ctx).role);
      const { total, records } = searchCredentials(db, query, deps.now(), scope);
      return { total, offset: query.offset, credentials: records.map((r) => shownAs(scope, toCredential(deps, r))) };
    },
    'access.grant': (request, ctx) =>
      access(ctx, `grant access to unit ${request.unitId}`, request.unitId, (actor) => grantGuestAccess(deps, actor, request)),
    'access.bulkGrant': (request, ctx) => access(ctx, 'grant bulk access', null, (actor) => bulkGrant(deps, actor, request)),
    'access.stoppedBulkRuns': () => stoppedRuns(db),
    'access.exposure': ({ unitId }) => revocationExposure(db, unitId ?? null),
    'access.finishBulkRun': ({ runId }, ctx) => access(ctx, 'finish a stopped bulk grant', null, (actor) => finishBulkRun(deps, actor, runId)),
    'access.revoke': (request, ctx) =>
      access(ctx, `revoke credential ${request.credentialId}`, null, (actor) => revokeCredential(deps, actor, request)),
    'access.reschedule': (request, ctx) =>
      access(ctx, `reschedule credential ${request.credentialId}`, null, (actor) => rescheduleCredential(deps, actor, request)),
    'access.handOverCode': (request, ctx) =>
      access(ctx, `hand over the code of credential ${request.credentialId}`, null, (actor) => handOverCode(deps, actor, request)),
    'access.resend': ({ credentialId }, ctx) =>
      access(ctx, `resend the text for credential ${credentialId}`, null, (actor) => resendNotification(deps, actor, credentialId)),
    'activity.list': ({ limit, beforeSeq, ...filter }) => ({ entries: listAudit(db, filter, limit, beforeSeq) }),
    'activity.verify': (request) => {
      const sync = deps.sync();
      return verifyActivity(db, sync ? () => sync.cloudAuditHead() : null, request);
    },
    'activity.export': (filter) => exportActivity(db, deps.community(), filter, deps.now()),
    'hardware.overview': () => deps.hardware.overview(),
    'sync.status': () => deps.sync()?.status() ?? notSetUp(),
    'sync.now': async () => {
      const engine = deps.sync();
      if (!engine) return notSetUp();
      await engine.syncNow();
      return engine.status();
    },
    'sync.setUp': async (request) => {
      if (deps.training)
        throw new PorterError('not_allowed', 'This is a training console: its doors are simulated, so it is never paired with a cloud. Start Porter without --training to pair this computer.');
      const engine = deps.sync();
      if (!engine) throw new PorterError('not_allowed', 'This console has no keychain to keep a cloud token in, so it cannot sync.');
      try {
        return await engine.setUp(request);
      } catch (error) {
        if (error instanceof CloudFailure) throw new PorterError('not_allowed', error.message, error.kind === 'offline' ? 'url' : 'pairingCode');
        throw error;
      }
    },
    'hardware.doors': (query) => findDoors(db, query),
    'hardware.program': ({ programmerId }, ctx) => deps.hardware.program(programmerId, actorOf(ctx)),
    'hardware.resume': ({ programmerId }, ctx) => deps.hardware.resume(programmerId, actorOf(ctx)),
    'hardware.readAudit': ({ programmerId }, ctx) => deps.hardware.readAudit(programmerId, actorOf(ctx)),
    'hardware.setClock': ({ programmerId }, ctx) => deps.hardware.setClock(programmerId, actorOf(ctx)),
    'hardware.assignLock': ({ programmerId, doorId }, ctx) => deps.hardware.assignLock(programmerId, doorId, actorOf(ctx)),
    'hardware.readerConfig': ({ programmerId }) => deps.hardware.readerConfig(programmerId),
    'hardware.configureReader': ({ programmerId, config }, ctx) => deps.hardware.configureReader(programmerId, config, actorOf(ctx)),
    'hardware.bluetooth': () => deps.hardware.bluetooth(),
    'hardware.useDongle': ({ dongleId }) => deps.hardware.useDongle(dongleId),
    'hardware.startBluetoothRound': (_input, ctx) => deps.hardware.startBluetoothRound(actorOf(ctx)),
    'hardware.stopBluetoothRound': () => deps.hardware.stopBluetoothRound(),
    'hardware.commissionLock': ({ lockId, doorId, setupCode }, ctx) => deps.hardware.commissionLock(lockId, doorId, setupCode, actorOf(ctx)),
    ...createLiveLockHandlers(() => deps.hardware.live),
    ...createCapacityHandlers(deps),
    ...createApprovalHandlers(deps, access),
    ...createPreviewHandlers(deps),
  };
}
