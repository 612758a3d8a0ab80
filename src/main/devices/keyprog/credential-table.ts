import { crc32 } from 'node:zlib';
import type { LockUser, LockUserType } from '../../../shared/domain/matter-door-lock';
import { assertNever } from '../../../shared/errors';
import { ByteReader, ByteWriter } from '../framing/bytes';
import type { Codec } from './commands/command';
import { maxPayloadBytes } from './message-limits';
import { readList, weekDayWire, writeList, yearDayWire } from './schedule-wire';
import { CodeTable } from './wire-enums';

/*
 * A door's credential table: slot -> entry. The console and the door encode an entry the same
 * canonical way, so both compute the same checksum over the same table without comparing
 * entries one by one (and without the console ever reading PINs back out of a lock).
 */

export type TableEntry = {
  /** 1..the door's slots. */
  slot: number;
  user: LockUser;
} & ({ kind: 'pin'; pin: string } | { kind: 'ble'; blePass: Uint8Array });

export const blePassBytes = 16;

const credentialKinds = new CodeTable('credential kind', { pin: 1, ble: 2 });

/** Matter's UserTypeEnum numbers (Door Lock cluster §5.2.6.18), so a Matter lock needs no table of its own. */
export const userTypes = new CodeTable<LockUserType>('user type', {
  unrestricted_user: 0,
  year_day_schedule_user: 1,
  week_day_schedule_user: 2,
  disposable_user: 6,
  schedule_restricted_user: 8,
});

const digits = /^[0-9]+$/;

function credentialData(entry: TableEntry): Uint8Array {
  switch (entry.kind) {
    case 'pin':
      if (!digits.test(entry.pin)) throw new RangeError(`the PIN in slot ${entry.slot} is not all digits`);
      return Uint8Array.from(entry.pin, (c) => c.charCodeAt(0));
    case 'ble':
      if (entry.blePass.length !== blePassBytes) throw new RangeError(`the pass in slot ${entry.slot} is not ${blePassBytes} bytes`);
      return entry.blePass;
    default:
      return assertNever(entry, 'credential');
  }
}

/**
 * slot u16, kind u8 (1 PIN, 2 BLE), user type u8, data length u8 + data (PIN as ASCII digits,
 * BLE pass 16 bytes), week-day count u8 + 5 bytes each, year-day count u8 + 8 bytes each.
 * Every variable part is counted, so no two different entries share an encoding.
 */
export const tableEntryWire: Codec<TableEntry> = {
  write(w, entry) {
    const data = credentialData(entry);
    w.u16(entry.slot, 'slot');
    credentialKinds.write(w, entry.kind);
    userTypes.write(w, entry.user.userType);
    w.u8(data.length, 'credential length').raw(data);
    writeList(w, weekDayWire, entry.user.weekDaySchedules, 'week-day schedule');
    writeList(w, yearDayWire, entry.user.yearDaySchedules, 'year-day schedule');
  },
  read(r) {
    const slot = r.u16('slot');
    const kind = credentialKinds.read(r);
    const userType = userTypes.read(r);
    const data = r.raw(r.u8('credential length'), 'credential');
    const user: LockUser = {
      userType,
      weekDaySchedules: readList(r, weekDayWire, 'week-day schedule'),
      yearDaySchedules: readList(r, yearDayWire, 'year-day schedule'),
    };
    if (kind === 'ble') {
      if (data.length !== blePassBytes) r.fail(`the pass in slot ${slot} is ${data.length} bytes, not ${blePassBytes}`);
      return { slot, kind, user, blePass: data };
    }
    const pin = String.fromCharCode(...data);
    if (!digits.test(pin)) r.fail(`the PIN in slot ${slot} is empty or not all digits`);
    return { slot, kind, user, pin };
  },
};

export function encodeTableEntry(entry: TableEntry): Uint8Array {
  const w = new ByteWriter();
  tableEntryWire.write(w, entry);
  return w.finish();
}

export function decodeTableEntry(bytes: Uint8Array): { ok: true; entry: TableEntry } | { ok: false; reason: string } {
  const r = new ByteReader(bytes);
  const entry = tableEntryWire.read(r);
  const problem = r.finish();
  return problem === undefined ? { ok: true, entry } : { ok: false, reason: problem };
}

export function encodedEntrySize(entry: TableEntry): number {
  return 2 + 1 + 1 + 1 + credentialData(entry).length + 1 + 5 * entry.user.weekDaySchedules.length + 1 + 8 * entry.user.yearDaySchedules.length;
}

/**
 * CRC-32 (zlib's, as in gzip and PNG) over the entries sorted by slot, each encoded as above,
 * one after another. An empty table's checksum is 0. A table has one entry per slot, so two
 * entries for the same slot are a caller's bug.
 */
export function tableChecksum(entries: Iterable<TableEntry>): number {
  const sorted = [...entries].sort((a, b) => a.slot - b.slot);
  // One buffer and one CRC call: a reader's two thousand entries are checksummed on every commit.
  const w = new ByteWriter();
  sorted.forEach((entry, i) => {
    if (i > 0 && sorted[i - 1]?.slot === entry.slot) throw new RangeError(`two entries for slot ${entry.slot}`);
    tableEntryWire.write(w, entry);
  });
  return crc32(w.finish());
}

/** STAGE_PUT's own bytes before the entries: command code u8, count u8. */
const stagePutHeaderBytes = 2;
/** The count is a u8. */
export const maxEntriesPerStagePut = 255;

/**
 * How many entries, from the front of `entries`, fit one STAGE_PUT under the payload limit.
 * Entries differ in size (PIN length, schedules), so this counts their actual encodings.
 * At least one always fits: the largest possible entry is far under the limit.
 */
export function entriesFittingStagePut(entries: readonly TableEntry[]): number {
  let bytes = stagePutHeaderBytes;
  let count = 0;
  for (const entry of entries) {
    bytes += encodedEntrySize(entry);
    if (bytes > maxPayloadBytes || count === maxEntriesPerStagePut) break;
    count++;
  }
  return count;
}
