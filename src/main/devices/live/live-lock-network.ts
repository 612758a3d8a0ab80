import type { LockUser } from '../../../shared/domain/matter-door-lock';

/*
 * A network of locks the console reaches live, from the office, without a technician: Z-Wave
 * today (devices/zwave/, on zwave-js), a Matter Door Lock link later. Everything above the
 * device links (hardware/live-locks/, the store, the contract) speaks only these types, so a
 * second protocol is a second implementation of `LiveLockNetwork`, nothing more.
 *
 * Slots are the lock's own user ids (User Code CC's user identifier, Matter's user index),
 * 1-based. Codes are digits only. Nothing here keeps a code: the caller holds the desired
 * table, the lock the reported one.
 */

export type LiveProtocol = 'zwave';

/** How well the network protects a lock's traffic; 'weak' (Z-Wave S0) and 'none' are flagged to staff. */
export type LinkSecurity = 'strong' | 'weak' | 'none';

export type LiveLockStatus = 'alive' | 'asleep' | 'dead' | 'unknown';

/** The controller the console holds (a Z-Wave stick) and the network it runs. */
export interface LiveNetworkInfo {
  protocol: LiveProtocol;
  /** Stable for the network (Z-Wave: the home id, 8 hex digits). */
  networkId: string;
  /** What staff see: "Simulated Z-Wave stick" for the simulator, the stick's maker and model otherwise. */
  label: string;
  /** The device path the stick was opened on. */
  path: string;
  simulated: boolean;
}

/** What a lock can hold, from its own answers during the interview. */
export interface LiveLockCapabilities {
  /** Code slots the lock reports (User Code CC Users Number Report). */
  slots: number;
  pinLength: { min: number; max: number };
  /** Codes written in bulk and a checksum of all codes (Z-Wave User Code CC v2). */
  bulkCodes: boolean;
  tableChecksum: boolean;
  /** Schedules per slot the lock keeps; all zero when the lock keeps no schedules. */
  schedules: { weekDay: number; yearDay: number; dailyRepeating: number };
  keypadModes: ('normal' | 'vacation' | 'privacy' | 'locked_out')[];
}

export interface LiveLockInfo {
  nodeId: number;
  manufacturer: string;
  product: string;
  firmware: string | null;
  security: LinkSecurity;
  status: LiveLockStatus;
  batteryPercent: number | null;
  batteryLow: boolean;
  /** Received signal strength of the lock's last frame, dBm, where the controller reports it. */
  rssiDbm: number | null;
  /** Null until the interview has read them. */
  capabilities: LiveLockCapabilities | null;
}

/** A slot as the lock reports it. */
export interface ReportedCode {
  slot: number;
  state: 'available' | 'enabled' | 'disabled';
  /** Empty when available; some locks mask codes they report ("******"). */
  code: string;
}

/** A code the console wants in a slot, with the schedule the lock should run for it (`ScheduleFit.write`). */
export interface CodeWrite {
  slot: number;
  code: string;
  user: LockUser;
}

/**
 * How a lock runs a schedule. 'lock': the lock enforces it whole. 'porter': the lock cannot
 * (no schedules, or none of this kind): it holds the code unscheduled and Porter adds and
 * removes it at the right wall-clock times. 'both': the lock runs part (a weekly window) and
 * Porter the rest (the first and last day). `write` is the user the lock is given; `why` says
 * in staff's words what Porter makes up for, null when the lock does it all.
 */
export interface ScheduleFit {
  by: 'lock' | 'porter' | 'both';
  write: LockUser;
  why: string | null;
}

/**
 * What happened to one slot of a write. 'duplicate': the lock already holds that code in
 * another slot and refused it; 'refused': the lock refused it otherwise (too short, full,
 * a reserved slot); 'unconfirmed': sent, but the lock's report did not show it.
 */
export interface SlotOutcome {
  slot: number;
  outcome: 'written' | 'cleared' | 'duplicate' | 'refused' | 'unconfirmed';
  detail: string | null;
}

/** The time a lock's schedules run on: now in UTC, and the community's wall-clock offset from UTC in effect now (DST included). */
export interface LockClock {
  utc: Date;
  offsetMinutes: number;
}

/** 'no_clock': the lock has no way to be given the time (its schedules, if any, run on a clock Porter cannot set). */
export type LockClockOutcome = 'set' | 'no_clock';

export interface LiveLock {
  readonly nodeId: number;
  info(): LiveLockInfo;
  /** How this lock would run the schedule; pure, from the capabilities the interview read. */
  scheduleFit(user: LockUser): ScheduleFit;
  /** All slots (v2: checksum first, then only what differs from `known`, when given). */
  readCodes(): Promise<ReportedCode[]>;
  /**
   * The lock's own checksum of its codes (User Code CC v2), or null when it has none. Given the
   * codes the caller believes the lock holds, a matching checksum makes them the lock's known
   * table, so the next write is confirmed by the checksum instead of reading back each slot.
   */
  codesChecksum(believed?: readonly { slot: number; code: string }[]): Promise<number | null>;
  /** The checksum this table would have on the lock, to compare with `codesChecksum`. */
  checksumOf(codes: readonly { slot: number; code: string }[]): number | null;
  /** Writes codes (bulk where the lock allows) and their schedules; each slot's outcome. */
  writeCodes(codes: readonly CodeWrite[], signal?: AbortSignal): Promise<SlotOutcome[]>;
  clearCodes(slots: readonly number[], signal?: AbortSignal): Promise<SlotOutcome[]>;
  /** Sets the clock the lock's own schedules run on; absent on a lock that runs none. */
  setClock?(clock: LockClock): Promise<LockClockOutcome>;
}

/** Inclusion asks the technician for the PIN printed on the lock's DSK label (S2). */
export interface InclusionPrompt {
  /** The DSK as the lock sent it, with its first five digits hidden: "xxxxx-12345-...". */
  dskHidden: string;
  requestedSecurity: LinkSecurity;
}

export interface InclusionRequest {
  /** Answers with the five-digit PIN, or null to abort. */
  pin(prompt: InclusionPrompt): Promise<string | null>;
  signal?: AbortSignal;
}

export type InclusionResult =
  | { ok: true; lock: LiveLockInfo }
  | { ok: false; reason: 'aborted' | 'timeout' | 'wrong_pin' | 'security_failed' | 'not_a_lock'; message: string };

/** Unsolicited news from the network: state, battery, keypad use, the stick going away. */
export type LiveLockEvent =
  | { kind: 'status'; nodeId: number; status: LiveLockStatus }
  | { kind: 'battery'; nodeId: number; percent: number; low: boolean }
  | { kind: 'bolt'; nodeId: number; locked: boolean }
  | {
      kind: 'access';
      nodeId: number;
      /** Keypad unlock or lock by a slot's code, a wrong code, tampering, a jammed bolt, a manual turn. */
      access: 'keypad_unlock' | 'keypad_lock' | 'wrong_code' | 'tamper' | 'jammed' | 'manual_unlock' | 'manual_lock';
      slot: number | null;
    }
  /** A slot changed without the console (the lock's own keypad, another controller). */
  | { kind: 'code_changed'; nodeId: number; slot: number }
  | { kind: 'lock_added'; nodeId: number }
  | { kind: 'lock_removed'; nodeId: number }
  /** The stick is gone (unplugged, its port closed); the network is closed. */
  | { kind: 'network_lost'; message: string };

export interface LiveLockNetwork {
  info(): LiveNetworkInfo;
  locks(): LiveLockInfo[];
  /** Throws when the node is not a lock of this network. */
  lock(nodeId: number): LiveLock;
  include(request: InclusionRequest): Promise<InclusionResult>;
  /** Waits for a lock to be put in exclusion; its node id, or null when aborted or timed out. */
  exclude(signal?: AbortSignal): Promise<number | null>;
  onEvent(listener: (event: LiveLockEvent) => void): () => void;
  close(): Promise<void>;
}

/** A stick as the serial port listing found it (or as given by path). */
export interface LiveStickInfo {
  path: string;
  label: string;
  simulated: boolean;
}

/** Where live lock networks come from (a field of HardwareLinks): the product's sticks, or training's simulated one. */
export interface LiveLockLinks {
  listSticks(): Promise<LiveStickInfo[]>;
  /** Opens the network on the stick, with the network keys (from the SecretStore; made on first use). */
  openNetwork(stick: LiveStickInfo): Promise<LiveLockNetwork>;
}
