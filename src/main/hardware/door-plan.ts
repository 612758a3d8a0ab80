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

/**
 * The tables the door may hold, as the console knows them: its desired rows as of the last
 * verified programming and, when a job was cut off after its commit may have landed, as of
 * that job's plan. The door's checksum says which one it is, if any.
 */
function knownTables(db: Db, door: DoorHardwareRecord, zone: string, unfinished: { at: string } | null): TableEntry[][] {
  return [door.reportedAt, unfinished?.at ?? null]
    .filter((at): at is string => at !== null)
    .map((at) => doorSlotsAsOf(db, door.id, at).map((r) => toTableEntry(r, zone)));
}

/**
 * Plans a door from the checksum it reports now. When it matches a table the console knows it
 * wrote, only changed slots are written and removed ones deleted; otherwise (a lock reset, a
 * lock never programmed by this console, a change made elsewhere) the whole table is written.
 */
export function planProgram(
  db: Db,
  door: DoorHardwareRecord,
  zone: string,
  doorChecksum: number,
  at: string,
  unfinished: { at: string } | null = null,
): ProgramPlan {
  const desired = desiredTable(db, door.id, zone);
  const held = knownTables(db, door, zone, unfinished).find((table) => tableChecksum(table) === doorChecksum);
  const base = { version: door.desiredVersion, at, baseChecksum: doorChecksum, targetChecksum: tableChecksum(desired), desiredCount: desired.length };
  if (!held) return { ...base, fullRewrite: true, puts: desired, deletes: [] };
  const bySlot = new Map(held.map((e) => [e.slot, Buffer.from(encodeTableEntry(e))]));
  const puts = desired.filter((e) => !bySlot.get(e.slot)?.equals(encodeTableEntry(e)));
  const wanted = new Set(desired.map((e) => e.slot));
  const deletes = held.filter((e) => !wanted.has(e.slot)).map((e) => e.slot);
  return { ...base, fullRewrite: false, puts, deletes };
}
