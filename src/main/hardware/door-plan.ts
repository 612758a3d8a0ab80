import { Buffer } from 'node:buffer';
import { encodeTableEntry, tableChecksum, type TableEntry } from '../devices/keyprog/credential-table';
import type { Db } from '../store/database';
import { doorSlotsAsOf, type DoorHardwareRecord } from '../store/door-table-repo';
import { toTableEntry } from './door-entries';

/** What programming a door takes: exactly the difference between desired and reported. */
export interface ProgramPlan {
  /** The desired version and instant the plan was drawn from; recorded as reported once verified. */
  version: number;
  at: string;
  /** The door's table is not what the console last programmed (or never was): write it whole. */
  fullRewrite: boolean;
  baseChecksum: number;
  targetChecksum: number;
  puts: TableEntry[];
  deletes: number[];
  desiredCount: number;
}

export function desiredTable(db: Db, doorId: string, zone: string): TableEntry[] {
  return doorSlotsAsOf(db, doorId, null).map((r) => toTableEntry(r, zone));
}

/** The table the console believes the door holds: its desired rows as of the last verified programming. */
export function reportedTable(db: Db, door: DoorHardwareRecord, zone: string): TableEntry[] | null {
  return door.reportedAt === null ? null : doorSlotsAsOf(db, door.id, door.reportedAt).map((r) => toTableEntry(r, zone));
}

/**
 * Plans a door from the checksum it reports now. When it matches the table the console last
 * programmed, only changed slots are written and removed ones deleted; otherwise (a lock reset,
 * a lock never programmed by this console, a change made elsewhere) the whole table is written.
 */
export function planProgram(db: Db, door: DoorHardwareRecord, zone: string, doorChecksum: number, at: string): ProgramPlan {
  const desired = desiredTable(db, door.id, zone);
  const reported = reportedTable(db, door, zone);
  const base = { version: door.desiredVersion, at, baseChecksum: doorChecksum, targetChecksum: tableChecksum(desired), desiredCount: desired.length };
  if (!reported || tableChecksum(reported) !== doorChecksum)
    return { ...base, fullRewrite: true, puts: desired, deletes: [] };
  const held = new Map(reported.map((e) => [e.slot, Buffer.from(encodeTableEntry(e))]));
  const puts = desired.filter((e) => !held.get(e.slot)?.equals(encodeTableEntry(e)));
  const wanted = new Set(desired.map((e) => e.slot));
  const deletes = reported.filter((e) => !wanted.has(e.slot)).map((e) => e.slot);
  return { ...base, fullRewrite: false, puts, deletes };
}
