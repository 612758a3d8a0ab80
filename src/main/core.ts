import { EventEmitter } from 'node:events';
import type { DataTopic } from '../shared/contract';
import { eventChannel } from '../shared/wire';
import { expireEndedCredentials } from './access/expire-credentials';
import type { Core, CoreOptions, EventListener } from './core-types';
import { loadDemoCommunity } from './demo/load-demo-community';
import { loadScaleCommunity } from './demo/load-scale-community';
import { createDispatcher } from './ipc/dispatch';
import { createHandlers } from './ipc/handlers';
import { startHardware } from './hardware/start-hardware';
import { sealAuditLog, sealAuditLogNow } from './activity/seal-audit-log';
import { createKeychainSecretStore } from './secrets/keychain-secret-store';
import { isImmediate, processSecrets } from './secrets/memory-secret-store';
import { createSyncEngine, type SyncEngine } from './sync/sync-engine';
import { createStaffSignIn } from './staff/sign-in';
import { withCloudSignIn } from './staff/cloud-sign-in';
import { hasCommunity } from './store/community-import';
import { getCommunity } from './store/community-repo';
import { checkpointInBackground } from './store/checkpoint';
import { openDatabase, type Db } from './store/database';
import type { StaffMember } from '../shared/domain';

/** How often ended schedules are taken off their doors. */
const expirySweepMs = 30_000;

/**
 * The console's core, without Electron: store, access rules and the contract's handlers,
 * for tests, benchmarks and tools whose secrets answer at once: unset `secrets` keeps the
 * audit key in this process's memory (processSecrets). A core whose secrets live in the OS
 * keychain starts with openCore.
 */
export function createCore(options: CoreOptions): Core {
  const secrets = options.secrets ?? processSecrets;
  if (secrets === 'keychain' || !isImmediate(secrets))
    throw new Error('This core keeps its secrets in a store that answers later (the OS keychain): start it with openCore.');
  const now = options.now ?? (() => new Date());
  const db = openDatabase({ dataDir: options.dataDir, nativeBinding: options.sqliteNativeBinding });
  try {
    sealAuditLogNow(db, secrets, now);
    return startCore(db, now, options);
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * The console's core as the hosts start it (Electron's worker, the browser host): the audit
 * key is read from (or made in) the OS keychain before anything is written.
 */
export async function openCore(options: CoreOptions): Promise<Core> {
  const secrets = options.secrets === 'keychain' ? createKeychainSecretStore() : (options.secrets ?? processSecrets);
  const now = options.now ?? (() => new Date());
  const db = openDatabase({ dataDir: options.dataDir, nativeBinding: options.sqliteNativeBinding });
  try {
    await sealAuditLog(db, secrets, now);
    return startCore(db, now, options);
  } catch (error) {
    db.close();
    throw error;
  }
}

function startCore(db: Db, now: () => Date, options: CoreOptions): Core {
  if (options.loadDemoWhenEmpty && !hasCommunity(db)) {
    if (options.demoScale) loadScaleCommunity(db, now, options.demoScale);
    else loadDemoCommunity(db, now);
  }
  if (!hasCommunity(db))
    throw new Error('No community is configured: start with the demo community or import a community file.');

  // Read once; an admin's guideline change replaces it through setCommunity.
  let community = getCommunity(db);
  const bus = new EventEmitter();
  let sync: SyncEngine | null = null;
  const changed = (topics: DataTopic[]): void => {
    bus.emit(eventChannel, 'data.changed', { topics });
    // A change made here reaches the cloud soon, not at the next round.
    if (topics.includes('credentials') || topics.includes('community') || topics.includes('doors')) sync?.kick();
  };
  const accessContext = { db, now, community: () => community };
  const hardware = startHardware({ ...accessContext, changed }, options.hardware ?? 'off', options.bleHost);
  const secrets = options.secrets === 'keychain' ? createKeychainSecretStore() : (options.secrets ?? null);
  if (secrets) {
    sync = createSyncEngine({
      ctx: { ...accessContext, guidelinesChanged: (guidelines) => (community = { ...community, guidelines }) },
      secrets,
      changed: (topics) => bus.emit(eventChannel, 'data.changed', { topics }),
      fetchFn: options.syncFetch,
      logError: (error) => (options.logError ?? ((c, e) => console.error(`[porter] ${c} failed:`, e)))('sync', error),
      intervalMs: options.syncIntervalMs,
      longPollSeconds: options.syncLongPollSeconds,
    });
    sync.start();
  }
  const handlers = createHandlers({
    hardware,
    kioskIdleSeconds: options.kioskIdleSeconds ?? 120,
    sync: () => sync,
    ...accessContext,
    setCommunity: (next) => (community = next),
    host: options.host ?? 'browser',
    // Online first: the cloud checks the passcode and gives the key this staff member's changes are proven with.
    staff: withCloudSignIn(createStaffSignIn(db, now), { db, secrets, fetchFn: options.syncFetch, online: () => void sync?.syncNow() }),
    changed,
  });
  const dispatcher = createDispatcher({
    handlers,
    logError: options.logError ?? ((command, error) => console.error(`[porter] ${command} failed:`, error)),
  });
  const initial = { operator: options.operator ?? (options.kiosk ? kioskOperator(db) : null), kiosk: options.kiosk ?? false };

  // Schedules end on their own: sweep at start and then every half minute.
  const sweep = (): void => {
    if (expireEndedCredentials(accessContext) > 0) changed(['units', 'credentials', 'activity', 'doors']);
  };
  sweep();
  const sweeper = setInterval(sweep, expirySweepMs);
  sweeper.unref();

  const stopCheckpoints = checkpointInBackground(db);

  const own = dispatcher.connect(initial, 'core');
  return {
    connect: (source) => dispatcher.connect(initial, source),
    dispatch: own.dispatch,
    onEvent(listener: EventListener) {
      const forward = (name: string, payload: unknown): void => (listener as (n: string, p: unknown) => void)(name, payload);
      bus.on(eventChannel, forward);
      return () => bus.off(eventChannel, forward);
    },
    close() {
      clearInterval(sweeper);
      void hardware.close();
      void sync?.close();
      bus.removeAllListeners();
      stopCheckpoints();
      db.close();
    },
  };
}

/** A kiosk console runs as the community's kiosk staff member, signed in for good. */
function kioskOperator(db: Db): StaffMember {
  const kiosk = db.prepare("SELECT id, name, role FROM staff WHERE role = 'kiosk' ORDER BY name LIMIT 1").get() as StaffMember | undefined;
  if (!kiosk) throw new Error('This community has no kiosk staff member, so this console cannot run as a kiosk.');
  return kiosk;
}
