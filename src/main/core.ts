import { EventEmitter } from 'node:events';
import type { Community } from '../shared/domain';
import { eventChannel } from '../shared/wire';
import type { Core, CoreOptions, EventListener } from './core-types';
import { loadDemoCommunity } from './demo/load-demo-community';
import { createDispatch } from './ipc/dispatch';
import { createHandlers } from './ipc/handlers';
import { getCommunity } from './store/community-repo';
import { hasCommunity } from './store/community-import';
import { openDatabase } from './store/database';

/**
 * The console's core, without Electron: store, access rules and the contract's handlers.
 * Electron's main process, the browser host, tests and benchmarks all start it this way.
 */
export function createCore(options: CoreOptions): Core {
  const db = openDatabase({ dataDir: options.dataDir, nativeBinding: options.sqliteNativeBinding });
  const now = options.now ?? (() => new Date());
  const operator = options.operator ?? { name: 'Leasing office', role: 'manager' as const };
  if (options.loadDemoWhenEmpty && !hasCommunity(db)) loadDemoCommunity(db, now);
  if (!hasCommunity(db))
    throw new Error('No community is configured: start with the demo community or import a community file.');

  // Community facts change only by import, which happens before this point.
  const community: Community = getCommunity(db);
  const bus = new EventEmitter();
  const handlers = createHandlers({
    db,
    now,
    operator,
    community: () => community,
    host: options.host ?? 'browser',
    changed: (topics) => bus.emit(eventChannel, 'data.changed', { topics }),
  });
  const dispatch = createDispatch({
    handlers,
    role: () => operator.role,
    logError: options.logError ?? ((command, error) => console.error(`[porter] ${command} failed:`, error)),
  });

  return {
    dispatch,
    onEvent(listener: EventListener) {
      const forward = (name: string, payload: unknown): void => (listener as (n: string, p: unknown) => void)(name, payload);
      bus.on(eventChannel, forward);
      return () => bus.off(eventChannel, forward);
    },
    close() {
      bus.removeAllListeners();
      db.close();
    },
  };
}
