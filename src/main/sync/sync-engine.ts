import type { DataTopic } from '../../shared/contract';
import type { SyncStatus } from '../../shared/domain';
import type { Fix } from '../../shared/sync';
import type { SecretStore } from '../secrets/secret-store';
import { appendAudit } from '../store/audit-log';
import { allStaffIds, isActiveStaff } from '../store/cloud-staff-repo';
import { outboxMutation, pendingActors, pendingCount } from '../store/outbox-relay-repo';
import { readSyncSetup, saveSyncKiosk, saveSyncSetup, type SyncSetup } from '../store/sync-state-repo';
import { runUserAction } from '../store/user-action';
import type { ApplyContext } from './apply/apply-change';
import { endIfLive } from './apply/apply-credential';
import { anchorAuditHead, anchorClient, type AnchorState, type CloudHead } from './audit-anchors';
import { nextDelayMs, reconnectMaxMs } from './backoff';
import { CloudFailure, cloudClient, pairConsole, type MutationResult } from './cloud-client';
import { pullChanges, type PullWait } from './pull-changes';
import { createProver } from './prove-mutation';
import { relayOutbox } from './relay-outbox';
import { forgetStaffKeys, readStaffKey } from './staff-keys';
import { topUpLease } from './top-up-lease';

export type { SyncStatus };

export interface SyncEngineDeps {
  ctx: Omit<ApplyContext, 'consoleId'>;
  secrets: SecretStore;
  changed: (topics: DataTopic[]) => void;
  fetchFn?: typeof fetch;
  /** Where an unexpected error (a bug, not an offline cloud) is logged. */
  logError: (error: unknown) => void;
  /** Between rounds while all is well, with a cloud that does not hold pulls for news. */
  intervalMs?: number;
  /** How long a scheduled round asks the cloud to hold its pull for news (0: never). */
  longPollSeconds?: number;
}

/** Changes made together (a bulk grant) go up in one push rather than one each. */
const kickDelayMs = 250;

/** Where the console token lives in the keychain. */
export const tokenAccount = (consoleId: string) => `cloud-token:${consoleId}`;

/**
 * Keeps this console and the cloud in step: sends the outbox, then pulls what changed
 * elsewhere, soon after a local change and otherwise all the time: a scheduled round asks the
 * cloud to hold its pull until there is news (a long-poll), so another console's grant shows
 * here within a second; with a cloud that does not hold, rounds come every few seconds. Backs
 * off with jitter while the cloud is unreachable (a kiosk can run offline for days: its outbox
 * just waits). A change the cloud refused is written to the activity log with the reason and
 * the cloud's fix.
 */
export function createSyncEngine(deps: SyncEngineDeps) {
  const { db, now } = deps.ctx;
  const intervalMs = deps.intervalMs ?? 5_000;
  const longPollSeconds = deps.longPollSeconds ?? 25;
  let status: Omit<SyncStatus, 'pending' | 'cloudUrl' | 'consoleName' | 'waitingFor'> = { state: 'not_set_up', lastSyncAt: null, lastError: null, nextTryAt: null };
  let waitingFor: SyncStatus['waitingFor'] = [];
  let failures = 0;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  /** Ends the running round's wait for news. */
  let waiting: AbortController | null = null;
  /** A local change arrived while a round ran: send it straight after. */
  let kicked = false;
  /** Whether the cloud holds pulls for news, as the last waiting round found (null: not asked yet). */
  let cloudHolds: boolean | null = null;
  let closed = false;
  const anchoring: AnchorState = { refused: null };

  const recordRejections = (rejected: MutationResult[]): void => {
    if (rejected.length === 0) return;
    runUserAction(db, () => {
      for (const r of rejected) {
        undoRefusedGrant(r);
        appendAudit(db, {
          at: now().toISOString(),
          actor: 'the cloud',
          action: 'sync.rejected',
          subjectId: r.fix?.credentialId ?? null,
          summary: `The cloud refused a change made here: ${r.reason ?? r.code ?? 'no reason given'}${fixWords(r.fix)}`,
          // The fix names what the cloud did, never the guest's new code (an older cloud sent it; the schema drops it).
          details: { mutationId: r.mutationId, code: r.code ?? null, fix: r.fix ?? null },
        });
      }
      return { result: undefined, record: null };
    });
  };

  /**
   * A grant the cloud refused outright (the guidelines changed while this console was offline,
   * a role the cloud does not allow) exists nowhere else: it ends here too, so this console
   * does not go on showing access nobody else knows of. A PIN the cloud replaced is not a
   * refusal of the grant: the new code arrives with the next pull; nor is a credential the
   * cloud already holds by the same id (a vendor request approved on two consoles).
   */
  const undoRefusedGrant = (r: MutationResult): void => {
    // already_granted: another console's approval of the same request granted this very
    // credential first; the cloud's grant is the one, and the pull brings it (its code, its slots).
    if (r.code === 'pin_taken' || r.code === 'already_granted') return;
    const mutation = outboxMutation(db, r.mutationId);
    if (!mutation || (mutation.kind !== 'credential.granted' && mutation.kind !== 'credential.reissued')) return;
    const credentialId = mutation.payload.credentialId;
    if (typeof credentialId === 'string') endIfLive(deps.ctx, credentialId, 'revoked', 'the cloud');
  };

  /** Those with changes waiting here and no key on this console, with how many changes each. */
  const whoMustSignIn = async (consoleId: string): Promise<SyncStatus['waitingFor']> => {
    const waiting: SyncStatus['waitingFor'] = [];
    for (const actor of pendingActors(db))
      if (isActiveStaff(db, actor.id) && !(await readStaffKey(deps.secrets, consoleId, actor.id))) waiting.push({ staffId: actor.id, name: actor.name, changes: actor.changes });
    return waiting;
  };

  /** Answers whether the cloud held the pull, so the next round may follow at once. */
  const round = async (setup: SyncSetup, wait: PullWait | undefined): Promise<boolean> => {
    const token = await deps.secrets.get(tokenAccount(setup.consoleId));
    if (!token) throw new CloudFailure('unauthorized', 'This console has no cloud token in the keychain: set it up again.');
    const client = cloudClient(setup.url, token, deps.fetchFn);
    let kiosk = setup.kiosk;
    if (kiosk === null) {
      kiosk = (await client.me()).kiosk;
      saveSyncKiosk(db, kiosk);
    }
    const prover = { secrets: deps.secrets, consoleId: setup.consoleId, kiosk, canSignIn: (id: string) => isActiveStaff(db, id) };
    const { sent, rejected, waiting } = await relayOutbox(db, client, { kiosk }, now, createProver(prover));
    waitingFor = waiting ? await whoMustSignIn(setup.consoleId) : [];
    recordRejections(rejected);
    const { applied, held } = await pullChanges({ ...deps.ctx, consoleId: setup.consoleId }, client, wait);
    await topUpLease(db, client, now);
    // Last, so the head sent holds this round's own entries (refusals, others' changes).
    await anchorAuditHead(db, anchorClient(setup.url, token, deps.fetchFn), anchoring);
    if (sent > 0 || applied > 0 || rejected.length > 0) deps.changed(['units', 'credentials', 'activity', 'doors', 'sync']);
    return held;
  };

  const schedule = (ms: number): void => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    status.nextTryAt = new Date(now().getTime() + ms).toISOString();
    timer = setTimeout(() => void runRound(longPollSeconds), ms);
    timer.unref();
  };

  /** One round; `waitSeconds` > 0 lets the pull wait for news. A round already running is joined. */
  const runRound = (waitSeconds: number): Promise<void> => {
    running ??= (async () => {
      const setup = readSyncSetup(db);
      if (!setup) {
        status = { ...status, state: 'not_set_up' };
        return;
      }
      kicked = false;
      const stop = new AbortController();
      waiting = waitSeconds > 0 ? stop : null;
      try {
        const held = await round(setup, waiting ? { seconds: waitSeconds, stop: stop.signal } : undefined);
        if (waiting && !stop.signal.aborted) cloudHolds = held;
        failures = 0;
        status = { state: 'online', lastSyncAt: now().toISOString(), lastError: null, nextTryAt: null };
        // Straight back to waiting for news while the cloud holds; otherwise a polling round.
        schedule(kicked ? kickDelayMs : longPollSeconds > 0 && cloudHolds !== false ? 0 : intervalMs);
      } catch (error) {
        if (closed) return;
        failures++;
        const offline = error instanceof CloudFailure && (error.kind === 'offline' || error.kind === 'server' || error.kind === 'rate_limited');
        if (error instanceof CloudFailure) {
          status = { ...status, state: offline ? 'offline' : 'error', lastError: error.message };
        } else {
          deps.logError(error);
          status = { ...status, state: 'error', lastError: 'Porter hit an unexpected problem while syncing; it will try again.' };
        }
        // Unreachable: keep reconnecting every few seconds (a cloud's Retry-After still comes
        // first). Refused: the back-off grows, as trying again soon cannot help.
        const retryAfterMs = error instanceof CloudFailure ? error.retryAfterMs : null;
        schedule(nextDelayMs(failures, { retryAfterMs, ...(offline ? { maxMs: reconnectMaxMs } : {}) }));
      } finally {
        waiting = null;
        if (!closed) deps.changed(['sync']);
      }
    })().finally(() => {
      running = null;
    });
    return running;
  };

  /** A round now, without waiting for news; a round waiting for news stops waiting first. */
  const syncNow = async (): Promise<void> => {
    waiting?.abort();
    await running;
    return runRound(0);
  };

  return {
    status(): SyncStatus {
      const setup = readSyncSetup(db);
      return { ...status, cloudUrl: setup?.url ?? null, consoleName: setup?.consoleName ?? null, pending: pendingCount(db), waitingFor: setup ? waitingFor : [] };
    },
    /** A round now (the status bar's "Sync now", tests); resolves when it is done. */
    syncNow,
    /** A local change was made: send it soon rather than at the next round. */
    kick(): void {
      if (failures > 0) return;
      kicked = true;
      waiting?.abort();
      schedule(kickDelayMs);
    },
    /** Pairs this console with a cloud; the token goes to the OS keychain, never the store. */
    async setUp(pairing: { url: string; pairingCode: string; name: string; kiosk: boolean }): Promise<SyncStatus> {
      const { consoleId, token, kiosk } = await pairConsole(pairing.url, pairing, deps.fetchFn);
      const before = readSyncSetup(db);
      if (before) await forgetStaffKeys(deps.secrets, before.consoleId, allStaffIds(db));
      await deps.secrets.set(tokenAccount(consoleId), token);
      saveSyncSetup(db, { url: pairing.url, consoleId, consoleName: pairing.name, kiosk });
      waitingFor = [];
      failures = 0;
      await syncNow();
      return this.status();
    },
    start(): void {
      schedule(0);
    },
    /** The cloud's latest anchor of this console's audit log, for "Verify audit chain". */
    async cloudAuditHead(): Promise<CloudHead> {
      const setup = readSyncSetup(db);
      const token = setup ? await deps.secrets.get(tokenAccount(setup.consoleId)) : null;
      if (!setup || !token) return { state: 'not_set_up' };
      try {
        const head = await anchorClient(setup.url, token, deps.fetchFn).latest();
        return head ? { state: 'checked', head } : { state: 'no_anchor' };
      } catch (error) {
        if (error instanceof CloudFailure) return { state: 'unreachable' };
        throw error;
      }
    },
    async close(): Promise<void> {
      closed = true;
      if (timer) clearTimeout(timer);
      waiting?.abort();
      await running?.catch(() => undefined);
    },
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;

function fixWords(fix: Fix | undefined): string {
  if (!fix) return '';
  if (fix.kind === 'pin_reissued') return '. The cloud gave the guest a new code and texted it to them.';
  return '';
}
