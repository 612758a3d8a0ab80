import type { BluetoothRound, DoorRef, StaffMember } from '../../../shared/domain';
import { PorterError } from '../../../shared/errors';
import type { JobRecord } from '../../store/door-jobs-repo';

export interface RoundDeps {
  /** Locks in range whose door is pending, in the order to take them. */
  pendingInRange(): { lockId: string; door: DoorRef }[];
  /** Starts programming a lock and answers how it ended. */
  program(lockId: string, actor: StaffMember): Promise<JobRecord>;
  changed(): void;
  now(): Date;
}

/**
 * A technician's round: every pending Bluetooth door in range, programmed one after another
 * (one connection at a time, as a dongle holds them best), each outcome kept for the summary.
 * A lock that left range meanwhile is skipped and stays pending for the next round.
 */
export interface BluetoothRoundControl {
  view(): BluetoothRound | null;
  start(actor: StaffMember): void;
  /** Stops after the door in hand. */
  stop(): void;
  /** Stops, and resolves once the door in hand is done. */
  close(): Promise<void>;
}

export function createBluetoothRound(deps: RoundDeps): BluetoothRoundControl {
  let round: BluetoothRound | null = null;
  let stopping = false;
  let running: Promise<void> = Promise.resolve();

  const run = async (current: BluetoothRound, actor: StaffMember): Promise<void> => {
    for (const entry of current.doors) {
      if (stopping) {
        entry.status = 'skipped';
        entry.detail = 'The round was stopped.';
        continue;
      }
      entry.status = 'running';
      deps.changed();
      try {
        const job = await deps.program(entry.lockId, actor);
        entry.status = job.status === 'running' ? 'interrupted' : job.status;
        entry.detail = job.result ?? job.error?.message ?? null;
      } catch (error) {
        entry.status = 'skipped';
        entry.detail = error instanceof Error ? error.message : String(error);
      }
      deps.changed();
    }
    current.status = stopping ? 'stopped' : 'finished';
    deps.changed();
  };

  return {
    view: (): BluetoothRound | null => round,
    start(actor: StaffMember): void {
      if (round?.status === 'running') throw new PorterError('not_allowed', 'A round is already running; stop it or wait for it to finish.');
      const doors = deps.pendingInRange();
      if (doors.length === 0) throw new PorterError('not_allowed', 'No pending Bluetooth door is in range.');
      stopping = false;
      const current: BluetoothRound = {
        status: 'running',
        startedBy: actor.name,
        startedAt: deps.now().toISOString(),
        doors: doors.map(({ lockId, door }) => ({ lockId, door, status: 'waiting', detail: null })),
      };
      round = current;
      running = run(current, actor);
    },
    stop(): void {
      if (round?.status === 'running') stopping = true;
    },
    async close(): Promise<void> {
      this.stop();
      await running;
    },
  };
}
