import type { EventName, EventPayload } from '../shared/contract';
import type { Envelope } from '../shared/envelope';
import type { StaffMember } from '../shared/domain';
import type { HardwareProvider } from './hardware/hardware-provider';
import type { BleHostEntry } from './devices/links/ble-host/remote-central';
import type { SecretStore } from './secrets/secret-store';

export interface CoreOptions {
  /** Folder of the console's SQLite file; ':memory:' for tests. */
  dataDir: string;
  /**
   * Who every new window starts signed in as. Unset: each window shows the sign-in screen.
   * A kiosk sets its kiosk operator here and `kiosk: true`, so nobody can sign out.
   */
  operator?: StaffMember;
  kiosk?: boolean;
  /** A kiosk untouched this long returns to its start screen (default two minutes). */
  kioskIdleSeconds?: number;
  host?: 'electron' | 'browser';
  /** Load the demo community when the store holds none (training, tests). */
  loadDemoWhenEmpty?: boolean;
  /** A community file (resources/demo/community.json's shape) a real console's empty store is set up from. */
  communityFile?: string;
  /** With loadDemoWhenEmpty: a generated community of this many units instead of the demo. */
  demoScale?: number;
  /** The clock every timestamp comes from; tests pass their own. */
  now?: () => Date;
  /** Where unexpected errors are logged (never a PIN code); defaults to stderr. */
  logError?: (command: string, error: unknown) => void;
  /**
   * Door hardware. 'real' (the hosts): key-programmers and BLE dongles as they are plugged in,
   * nothing when none is; 'training': a training core (simulated doors, its own data folder,
   * never paired with a cloud), which only openCore loads; a provider of the caller's (tests pass
   * `trainingHardware` from simulators/); 'off' (the default for tests of other things): none.
   */
  hardware?: HardwareChoice | HardwareProvider;
  /**
   * Where the BLE stack runs: in a process of its own from this entry (a core in a worker
   * thread, as in Electron), or, unset, in the core's own thread (the browser host, tests).
   */
  bleHost?: BleHostEntry;
  /** A Z-Wave stick's device path the user gave (--zwave-stick), offered even when the USB listing does not show it. */
  zwaveStick?: string;
  /**
   * Where the cloud token is kept: 'keychain' (the hosts: the OS keychain through keytar; a
   * name, so it crosses to the core's worker thread) or a store of the test's. Unset: no sync
   * engine runs (tests of other things). The cloud itself is set up from the console (sync.setUp).
   */
  secrets?: SecretStore | 'keychain';
  /**
   * For tests: the fetch the sync engine uses, its pause between rounds, and how long a
   * scheduled round asks the cloud to hold its pull for news (0: never; default 25 s).
   */
  syncFetch?: typeof fetch;
  syncIntervalMs?: number;
  syncLongPollSeconds?: number;
  /** Electron-ABI build of better-sqlite3, when running inside Electron. */
  sqliteNativeBinding?: string;
}

/** Door hardware by name, as it crosses to the core's worker thread. */
export type HardwareChoice = 'off' | 'real' | 'training';

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** A contract call, from any carrier, already stripped of carrier details. */
export type Dispatch = (command: unknown, input: unknown) => Promise<Envelope<unknown>>;

/** One window's link to the core: its own signed-in staff member, its own calls. */
export interface Connection {
  dispatch: Dispatch;
  close(): void;
}

export interface Core {
  /**
   * A new window (Electron webContents, browser tab) connects; each has its own session.
   * `source` names where it is, the same after a restart (the host's window, a browser tab's
   * remote address): wrong passcodes slow down their source, not the staff member.
   */
  connect(source: string): Connection;
  /** A connection of the core's own, for tests, benchmarks and tools. */
  dispatch: Dispatch;
  /** Subscribe to contract events (data.changed, ...); returns unsubscribe. */
  onEvent(listener: EventListener): () => void;
  /**
   * Stops in order, each part awaited before the next: the sync engine (its round in hand),
   * then the hardware (every job ends and records how; links close), then the store.
   */
  close(): Promise<void>;
}
