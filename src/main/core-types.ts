import type { Envelope } from '../shared/envelope';
import type { EventName, EventPayload } from '../shared/contract';
import type { Role } from '../shared/domain';

/** Who is at the console. Kiosk mode runs as the kiosk role only. */
export interface Operator {
  name: string;
  role: Role;
}

export interface CoreOptions {
  /** Folder of the console's SQLite file; ':memory:' for tests. */
  dataDir: string;
  operator?: Operator;
  host?: 'electron' | 'browser';
  /** Load the demo community when the store holds none (the embedded default). */
  loadDemoWhenEmpty?: boolean;
  /** The clock every timestamp comes from; tests pass their own. */
  now?: () => Date;
  /** Where unexpected errors are logged (never a PIN code); defaults to stderr. */
  logError?: (command: string, error: unknown) => void;
  /** Electron-ABI build of better-sqlite3, when running inside Electron. */
  sqliteNativeBinding?: string;
}

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** A contract call, from any carrier, already stripped of carrier details. */
export type Dispatch = (command: unknown, input: unknown) => Promise<Envelope<unknown>>;

export interface Core {
  dispatch: Dispatch;
  /** Subscribe to contract events (data.changed, ...); returns unsubscribe. */
  onEvent(listener: EventListener): () => void;
  close(): void;
}
