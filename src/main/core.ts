import { EventEmitter } from 'node:events';
import type { DataTopic } from '../shared/contract';
import { eventChannel } from '../shared/wire';
import { expireEndedCredentials } from './access/expire-credentials';
import { expireVendorApprovals } from './access/approvals/expire-vendor-approvals';
import type { Core, CoreOptions, EventListener } from './core-types';
import { loadDemoCommunity } from './demo/load-demo-community';
import { loadScaleCommunity } from './demo/load-scale-community';
import { importCommunityFile } from './community/import-community-file';
import { createDispatcher } from './ipc/dispatch';
import { createHandlers } from './ipc/handlers';
import { createTrainingHandlers } from './ipc/training-handlers';
import { openKeyProgrammer } from './devices/drivers/open-key-programmer';
import type { HardwareEnvironment, HardwareProvider } from './hardware/hardware-provider';
import { createHardwareService, type HardwareService } from './hardware/hardware-service';
import { realHardware } from './hardware/real-hardware';
import { loadTrainingHardware } from './training/load-training-hardware';
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
import { kioskStaffMember } from './store/kiosk-staff-repo';
import { hasPaired } from './store/sync-state-repo';
import { isTrainingStore, markTrainingStore } from './store/training-store-repo';
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
  const hardware = hardwareProvider(options.hardware);
  const db = openDatabase({ dataDir: options.dataDir, nativeBinding: options.sqliteNativeBinding });
  try {
    sealAuditLogNow(db, secrets, now);
    return startCore(db, now, options, hardware);
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
  // Only a core started for training ever loads the simulators.
  const hardware = options.hardware === 'training' ? await loadTrainingHardware() : hardwareProvider(options.hardware);
  const db = openDatabase({ dataDir: options.dataDir, nativeBinding: options.sqliteNativeBinding });
  try {
    await sealAuditLog(db, secrets, now);
    return startCore(db, now, options, hardware);
  } catch (error) {
    db.close();
    throw error;
  }
}

function hardwareProvider(choice: CoreOptions['hardware']): HardwareProvider | null {
  if (choice === undefined || choice === 'off') return null;
  if (choice === 'real') return realHardware;
  if (choice === 'training')
    throw new Error('Training hardware is loaded on demand: start a training core with openCore, or pass trainingHardware from simulators/.');
  return choice;
}

/**
 * A training store and a product store never mix: a training core refuses a folder paired
 * with a cloud and marks its own, and a product core refuses a folder training has marked.
 */
function checkStoreFor(db: Db, training: boolean): void {
  if (training && hasPaired(db))
    throw new Error('This data folder is paired with a cloud, so training cannot run on it: training runs on a folder of its own.');
  if (!training && isTrainingStore(db))
    throw new Error('This data folder belongs to training mode (its doors were programmed by simulators): start Porter with --training, or on another data folder.');
  if (training) markTrainingStore(db);
}

function startCore(db: Db, now: () => Date, options: CoreOptions, hardwareFrom: HardwareProvider | null): Core {
  const training = hardwareFrom?.kind === 'training';
  checkStoreFor(db, training);
  if (options.communityFile && !hasCommunity(db)) importCommunityFile(db, options.communityFile, now);
  if (options.loadDemoWhenEmpty && !hasCommunity(db)) {
    if (options.demoScale) loadScaleCommunity(db, now, options.demoScale);
    else loadDemoCommunity(db, now);
  }
  if (!hasCommunity(db))
    throw new Error('No community is configured: start with the demo community or import a community file.');

  // Read once; an admin's guideline change replaces it through setCommunity.
  let community = getCommunity(db);
  const logError = options.logError ?? ((what: string, error: unknown) => console.error(`[porter] ${what} failed:`, error));
  const bus = new EventEmitter();
  let sync: SyncEngine | null = null;
  // A door's desired table changed (a grant, a revoke, an end, a change from the cloud): its live lock is queued.
  let liveDesiredChanged = (): void => {};
  const changed = (topics: DataTopic[]): void => {
    bus.emit(eventChannel, 'data.changed', { topics });
    if (topics.includes('doors')) liveDesiredChanged();
    // A change made here reaches the cloud soon, not at the next round.
    if (topics.includes('credentials') || topics.includes('community') || topics.includes('doors')) sync?.kick();
  };
  const accessContext = { db, now, community: () => community };
  const secrets = options.secrets === 'keychain' ? createKeychainSecretStore() : (options.secrets ?? null);
  // Network keys live where the audit key does: the keychain, or this process's memory for a core given none.
  const hardware = startHardware(hardwareFrom, {
    ...accessContext,
    changed,
    bleHost: options.bleHost,
    secrets: secrets ?? processSecrets,
    dataDir: options.dataDir,
    zwaveStick: options.zwaveStick,
  });
  const live = hardware.live;
  if (live) liveDesiredChanged = () => live.doorsChanged();
  // A training console is never paired: no sync engine runs, and sync.setUp says why.
  if (secrets && !training) {
    sync = createSyncEngine({
      ctx: { ...accessContext, guidelinesChanged: (guidelines) => (community = { ...community, guidelines }) },
      secrets,
      changed: (topics) => {
        bus.emit(eventChannel, 'data.changed', { topics });
        if (topics.includes('doors')) liveDesiredChanged();
      },
      fetchFn: options.syncFetch,
      logError: (error) => logError('sync', error),
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
    training,
    // Online first: the cloud checks the passcode and gives the key this staff member's changes are proven with.
    staff: withCloudSignIn(createStaffSignIn(db, now), { db, secrets, fetchFn: options.syncFetch, online: () => void sync?.syncNow() }),
    changed,
  });
  const dispatcher = createDispatcher({
    handlers,
    // Only a training core serves the training section, whatever its provider hands over.
    training: training && hardware.training ? createTrainingHandlers(hardware.training) : null,
    logError,
  });
  const initial = { operator: options.operator ?? (options.kiosk ? kioskOperator(db) : null), kiosk: options.kiosk ?? false };

  // Schedules end on their own: sweep at start and then every half minute.
  const sweep = (): void => {
    if (expireEndedCredentials(accessContext) > 0) changed(['units', 'credentials', 'activity', 'doors']);
    if (expireVendorApprovals(accessContext) > 0) changed(['credentials', 'activity']);
  };
  sweep();
  const sweeper = setInterval(sweep, expirySweepMs);
  sweeper.unref();

  const stopCheckpoints = checkpointInBackground(db, {
    nativeBinding: options.sqliteNativeBinding,
    logError: (error) => logError('WAL checkpoint', error),
  });

  const own = dispatcher.connect(initial, 'core');
  let closing: Promise<void> | null = null;
  return {
    connect: (source) => dispatcher.connect(initial, source),
    dispatch: own.dispatch,
    onEvent(listener: EventListener) {
      const forward = (name: string, payload: unknown): void => (listener as (n: string, p: unknown) => void)(name, payload);
      bus.on(eventChannel, forward);
      return () => bus.off(eventChannel, forward);
    },
    close() {
      // In order: nothing may write once the store closes, and a round or a job in hand still writes.
      closing ??= (async () => {
        clearInterval(sweeper);
        await sync?.close();
        await hardware.close();
        bus.removeAllListeners();
        await stopCheckpoints();
        db.close();
      })();
      return closing;
    },
  };
}

/** The hardware service over the provider's links; without a provider, over none. */
function startHardware(provider: HardwareProvider | null, env: HardwareEnvironment & { changed: (topics: DataTopic[]) => void }): HardwareService {
  const links = provider?.open(env) ?? { buses: [], bluetooth: null, live: null, simulators: null, close: async () => {} };
  return createHardwareService({
    ...env,
    links,
    openDriver: (link) => openKeyProgrammer(link),
    logError: (error) => console.error('[porter] Bluetooth:', error),
  });
}

/** A kiosk console runs as the community's kiosk staff member, signed in for good. */
function kioskOperator(db: Db): StaffMember {
  const kiosk = kioskStaffMember(db);
  if (!kiosk) throw new Error('This community has no kiosk staff member, so this console cannot run as a kiosk.');
  return kiosk;
}
