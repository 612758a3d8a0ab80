import type { ReaderConfig } from '../../../shared/domain';
import { zoneTransitions } from '../keyprog/zone-transitions';
import { entriesFittingStagePut, type TableEntry } from '../keyprog/credential-table';
import {
  abortStage,
  commit,
  describeDoor,
  identifyProgrammer,
  readAudit,
  readChecksum,
  readReaderConfig,
  setClock,
  stageBegin,
  stageDelete,
  stagePut,
  writeReaderConfig,
  type AuditRecord,
  type DoorDescription,
  type ProgrammerIdentity,
} from '../keyprog/commands';
import { fromReaderWire, toReaderWire } from './reader-config-wire';
import type { MessageExchange } from '../session/message-exchange';
import { send, transportFailure } from './send-command';
import { DoorFailure } from './door-failure';

/** The changes a job writes, as planned from the door's checksum. */
export interface TableChanges {
  fullRewrite: boolean;
  baseChecksum: number;
  targetChecksum: number;
  puts: readonly TableEntry[];
  deletes: readonly number[];
}

export type ProgramStep = 'stage' | 'commit';
export type ProgramProgress = (step: ProgramStep, done: number, total: number) => void;

export interface KeyProgrammerDriver {
  identify(signal: AbortSignal): Promise<ProgrammerIdentity>;
  /** The door on the cable, or null when the cable has none. */
  describeDoor(signal: AbortSignal): Promise<DoorDescription | null>;
  readChecksum(signal: AbortSignal): Promise<number>;
  /** Stages the changes and commits them in one swap; the door's answer must carry the target checksum. */
  program(changes: TableChanges, progress: ProgramProgress, signal: AbortSignal): Promise<void>;
  setClock(zone: string, now: Date, signal: AbortSignal): Promise<void>;
  /** Every record after `after`, oldest first, paging through the door's trail. */
  readAudit(after: number, signal: AbortSignal): Promise<AuditRecord[]>;
  readReaderConfig(signal: AbortSignal): Promise<ReaderConfig>;
  writeReaderConfig(config: ReaderConfig, signal: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

/** A commit on a door with thousands of slots takes the door a while: allow for it. */
const commitTimeoutMs = 20_000;
const auditPage = 200;
/** CTAPHID_LOCK's longest: a job longer than this is still protected by the in-process claim. */
const maxLockSeconds = 10;
const deletesPerMessage = 3_000;

/**
 * The key-programmer's multi-step flows over one session: what a job asks for, in the order a
 * door needs it. A refusal from the door becomes a DoorFailure naming its reason.
 */
export function keyProgrammerDriver(session: MessageExchange): KeyProgrammerDriver {
  return {
    async identify(signal) {
      return send(session, identifyProgrammer, undefined, signal);
    },

    async describeDoor(signal) {
      try {
        return await send(session, describeDoor, undefined, signal);
      } catch (error) {
        if (error instanceof DoorFailure && error.reason === 'no_door_attached') return null;
        throw error;
      }
    },

    async readChecksum(signal) {
      return (await send(session, readChecksum, undefined, signal)).checksum;
    },

    async program(changes, progress, signal) {
      const total = changes.puts.length + changes.deletes.length;
      progress('stage', 0, total);
      // The device-side lock keeps another process's channel from interleaving with this job.
      await session.lock(maxLockSeconds, { signal }).catch((error: unknown) => {
        throw transportFailure(error);
      });
      await send(session, stageBegin, { baseChecksum: changes.baseChecksum, fromEmpty: changes.fullRewrite }, signal);
      try {
        let done = 0;
        for (let i = 0; i < changes.deletes.length; i += deletesPerMessage) {
          const slots = changes.deletes.slice(i, i + deletesPerMessage);
          await send(session, stageDelete, { slots }, signal);
          progress('stage', (done += slots.length), total);
        }
        for (let rest = changes.puts; rest.length > 0; ) {
          const entries = rest.slice(0, entriesFittingStagePut(rest));
          await send(session, stagePut, { entries }, signal);
          progress('stage', (done += entries.length), total);
          rest = rest.slice(entries.length);
        }
      } catch (error) {
        // The door still holds its old table; drop the stage so nothing half-written lingers.
        if (error instanceof DoorFailure && !['disconnected', 'aborted'].includes(error.reason))
          await send(session, abortStage, undefined, AbortSignal.timeout(3_000)).catch(() => undefined);
        throw error;
      }
      progress('commit', 0, 1);
      const committed = await committedTable(session, changes.targetChecksum, signal);
      await session.lock(0, { signal: AbortSignal.timeout(1_000) }).catch(() => undefined);
      if (committed.checksum !== changes.targetChecksum)
        throw new DoorFailure('checksum_mismatch', 'The door committed a table other than the one staged.');
      progress('commit', 1, 1);
    },

    async setClock(zone, now, signal) {
      await send(session, setClock, zoneTransitions(zone, now), signal);
    },

    async readAudit(after, signal) {
      const records: AuditRecord[] = [];
      for (let cursor = after; ; ) {
        const page = await send(session, readAudit, { afterRecord: cursor, maxRecords: auditPage }, signal);
        records.push(...page.records);
        const last = page.records.at(-1);
        if (!page.more || !last) return records;
        cursor = last.number;
      }
    },

    async readReaderConfig(signal) {
      return fromReaderWire(await send(session, readReaderConfig, undefined, signal));
    },

    async writeReaderConfig(config, signal) {
      await send(session, writeReaderConfig, toReaderWire(config), signal);
    },

    close: () => session.close(),
  };
}

/**
 * COMMIT, sent once: a second COMMIT is not the same as the first. When its answer is lost
 * the door has swapped or not, and its checksum says which.
 */
async function committedTable(session: MessageExchange, targetChecksum: number, signal: AbortSignal): Promise<{ checksum: number }> {
  try {
    return await send(session, commit, { expectedChecksum: targetChecksum }, signal, { timeoutMs: commitTimeoutMs, retries: 0 });
  } catch (error) {
    if (!(error instanceof DoorFailure) || !['timeout', 'transport'].includes(error.reason)) throw error;
    const { checksum } = await send(session, readChecksum, undefined, signal);
    if (checksum !== targetChecksum) throw error;
    return { checksum };
  }
}
