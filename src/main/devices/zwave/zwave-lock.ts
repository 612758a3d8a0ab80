import { CommandClasses } from '@zwave-js/core';
import { ZWaveError, type Driver, type ZWaveNode } from 'zwave-js';
import type { LockUser } from '../../../shared/domain/matter-door-lock';
import type { CodeWrite, LiveLock, LiveLockCapabilities, ReportedCode, ScheduleFit, SlotOutcome } from '../live/live-lock-network';
import { userCodeChecksum } from './code-checksum';
import { setLockClock } from './lock-clock';
import { lockApi, throwIfNotAnswering } from './lock-commands';
import { lockCapabilities, lockInfo } from './lock-info';
import { tableChecksum } from './reported-table';
import { readAllSlots } from './user-codes';
import { invalidWrite, writeSlots, type CodeWriteTarget } from './write-codes';

/** What the network keeps for each lock between calls: its last reported table and what is in flight. */
export interface LockState {
  reported: Map<number, ReportedCode> | null;
  duplicates: Set<number>;
  inFlight: Set<number>;
  /** Slots Porter is writing: their value updates are Porter's own, not a change at the lock. */
  writing: Set<number>;
  lowBattery: boolean;
}

export const newLockState = (): LockState => ({ reported: null, duplicates: new Set(), inFlight: new Set(), writing: new Set(), lowBattery: false });

/** How a lock's schedules are written (the zsched part compiles them to Schedule Entry Lock). */
export interface LockSchedules {
  fit(user: LockUser, capabilities: LiveLockCapabilities): ScheduleFit;
  /**
   * Writes the slot's schedule entries for the user (before its code); resolves when sent.
   * `allDisabled`: every user's schedules were just disabled (`disableAll`), so a user without
   * a schedule needs no frame of its own.
   */
  write(node: ZWaveNode, slot: number, user: LockUser, capabilities: LiveLockCapabilities, signal?: AbortSignal, allDisabled?: boolean): Promise<void>;
  /** Disables every user's schedules in one frame; false when the lock keeps no schedules. */
  disableAll?(node: ZWaveNode, capabilities: LiveLockCapabilities): Promise<boolean>;
}

export function zwaveLock(driver: Driver, node: ZWaveNode, state: LockState, schedules: LockSchedules): LiveLock {
  const capabilities = (): LiveLockCapabilities => {
    const caps = lockCapabilities(node);
    if (!caps) throw new Error(`Lock ${node.id} has not finished its interview: its code slots are not known yet.`);
    return caps;
  };
  const target = (): CodeWriteTarget => ({
    driver,
    node,
    capabilities: capabilities(),
    get reported() {
      return state.reported;
    },
    set reported(table) {
      state.reported = table;
    },
    duplicates: state.duplicates,
    inFlight: state.inFlight,
  });
  /**
   * The lock's checksum. When it matches the table the caller believes the lock holds, that
   * table is the lock's from now on: a later write is then confirmed by one Checksum Get
   * instead of a Get per slot written (250 frames and their reports for a full lock).
   */
  const codesChecksum = async (believed?: readonly { slot: number; code: string }[]): Promise<number | null> => {
    const caps = capabilities();
    if (!caps.tableChecksum) return null;
    const lockSays = (await lockApi(node, 'User Code').getUserCodeChecksum()) ?? null;
    if (believed && lockSays !== null && lockSays === checksumOfEnabled(believed)) state.reported = tableHolding(caps.slots, believed);
    return lockSays;
  };

  /**
   * On a lock known to hold no code, one Enable All Set (disable) stands for the Enable Set each
   * unscheduled code would need (250 frames for a full lock): with no code on the lock, no
   * guest's schedule is lifted by it. Anything else keeps the per-slot frames.
   */
  const disableAllOnEmptyLock = async (caps: LiveLockCapabilities, writes: number): Promise<boolean> => {
    const empty = state.reported !== null && [...state.reported.values()].every((r) => r.state === 'available');
    if (!empty || writes < 2 || !schedules.disableAll) return false;
    try {
      return await schedules.disableAll(node, caps);
    } catch (error) {
      throwIfNotAnswering(error);
      if (!(error instanceof ZWaveError)) throw error;
      return false;
    }
  };

  const quietly = async <T>(slots: readonly number[], run: () => Promise<T>): Promise<T> => {
    for (const s of slots) state.writing.add(s);
    try {
      return await run();
    } finally {
      for (const s of slots) state.writing.delete(s);
    }
  };

  return {
    nodeId: node.id,
    info: () => lockInfo(node, state.lowBattery),
    scheduleFit: (user) => schedules.fit(user, capabilities()),
    readCodes: answering(async () => {
      const caps = capabilities();
      // The checksum answers for the whole table in one frame: read slots only when it differs.
      if (caps.tableChecksum && state.reported) {
        const lockSays = await codesChecksum();
        if (lockSays !== null && lockSays === tableChecksum(state.reported.values())) return [...state.reported.values()];
      }
      const multiple = node.getValue<boolean>({ commandClass: CommandClasses['User Code'], property: 'supportsMultipleUserCodeReport' }) === true;
      const table = await readAllSlots(node, caps.slots, multiple);
      state.reported = new Map(table.map((c) => [c.slot, c]));
      return table;
    }),
    codesChecksum: answering(codesChecksum),
    checksumOf: (codes) => (lockCapabilities(node)?.tableChecksum ? checksumOfEnabled(codes) : null),
    async writeCodes(codes: readonly CodeWrite[], signal?: AbortSignal): Promise<SlotOutcome[]> {
      return quietly(
        codes.map((c) => c.slot),
        async () => {
          const caps = capabilities();
          const ready: CodeWrite[] = [];
          const unscheduled = new Map<number, SlotOutcome>();
          const allDisabled = await disableAllOnEmptyLock(caps, codes.length);
          // Schedules first: a code never reaches the lock without the schedule that restricts it.
          for (const c of codes) {
            signal?.throwIfAborted();
            if (invalidWrite(c, caps)) ready.push(c);
            else {
              try {
                await schedules.write(node, c.slot, c.user, caps, signal, allDisabled);
                ready.push(c);
              } catch (error) {
                throwIfNotAnswering(error);
                if (!(error instanceof ZWaveError)) throw error;
                unscheduled.set(c.slot, { slot: c.slot, outcome: 'unconfirmed', detail: `its schedule did not reach the lock (${error.message}), so the code was not sent` });
              }
            }
          }
          const written = await writeSlots(target(), ready, signal);
          return codes.map((c) => unscheduled.get(c.slot) ?? written.find((o) => o.slot === c.slot)!);
        },
      );
    },
    setClock: answering((clock) => setLockClock(node, clock)),
    clearCodes: (slots, signal) => quietly(slots, () => writeSlots(target(), slots.map((slot) => ({ slot, code: '' })), signal)),
  };
}

/** A command the lock never answered (withdrawn at its expiry) fails the call in plain words. */
const answering =
  <A extends unknown[], T>(run: (...args: A) => Promise<T>) =>
  async (...args: A): Promise<T> => {
    try {
      return await run(...args);
    } catch (error) {
      throwIfNotAnswering(error);
      throw error;
    }
  };

const checksumOfEnabled = (codes: readonly { slot: number; code: string }[]): number => userCodeChecksum(codes.map((c) => ({ slot: c.slot, status: 1, code: c.code })));

/** Every slot of the lock: these codes enabled, the rest available. */
function tableHolding(slots: number, codes: readonly { slot: number; code: string }[]): Map<number, ReportedCode> {
  const table = new Map<number, ReportedCode>(Array.from({ length: slots }, (_, i) => [i + 1, { slot: i + 1, state: 'available', code: '' }]));
  for (const c of codes) table.set(c.slot, { slot: c.slot, state: 'enabled', code: c.code });
  return table;
}
