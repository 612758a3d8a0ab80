import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeTableEntry,
  encodedEntrySize,
  encodeTableEntry,
  entriesFittingStagePut,
  tableChecksum,
  type TableEntry,
} from '../../../../src/main/devices/keyprog/credential-table';
import { maxPayloadBytes } from '../../../../src/main/devices/keyprog/message-limits';
import { stagePut } from '../../../../src/main/devices/keyprog/commands/stage-put';
import { entryArb, tableArb } from './arbitraries';
import { hex } from './hex';

/** A temporary PIN, as compileForLock writes it: 2026-03-14 09:30 to 2026-03-16 18:00 lock-local. */
const tempPin: TableEntry = {
  slot: 3,
  kind: 'pin',
  pin: '1234',
  user: { userType: 'year_day_schedule_user', weekDaySchedules: [], yearDaySchedules: [{ localStartTime: 826_795_800, localEndTime: 826_999_200 }] },
};
const tempPinBytes = hex(
  '03 00', //         slot 3, u16 LE
  '01', //            kind 1: PIN
  '01', //            user type 1: year-day schedule user (Matter UserTypeEnum)
  '04 31 32 33 34', // data length 4, then "1234" in ASCII
  '00', //            no week-day schedules
  '01', //            one year-day schedule:
  '18 e7 47 31', //   start 826795800 = 2026-03-14T09:30 lock-local epoch-s, u32 LE
  'a0 01 4b 31', //   end   826999200 = 2026-03-16T18:00
);

/** A dog walker's Bluetooth pass: Mon, Wed, Fri 11:00-13:30. */
const walkerPass: TableEntry = {
  slot: 258,
  kind: 'ble',
  blePass: Uint8Array.from({ length: 16 }, (_, i) => i),
  user: { userType: 'week_day_schedule_user', weekDaySchedules: [{ daysMask: 0x2a, startHour: 11, startMinute: 0, endHour: 13, endMinute: 30 }], yearDaySchedules: [] },
};
const walkerPassBytes = hex(
  '02 01', //            slot 258 = 0x0102
  '02', //               kind 2: BLE
  '02', //               user type 2: week-day schedule user
  '10', //               data length 16: the pass
  '00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f',
  '01', //               one week-day schedule:
  '2a 0b 00 0d 1e', //   days 0b0101010 (Mon, Wed, Fri; bit 0 is Sunday), 11:00 to 13:30
  '00', //               no year-day schedules
);

const permanent: TableEntry = { slot: 1, kind: 'pin', pin: '86420135', user: { userType: 'unrestricted_user', weekDaySchedules: [], yearDaySchedules: [] } };
const permanentBytes = hex('01 00', '01', '00', '08 38 36 34 32 30 31 33 35', '00', '00');

describe('the canonical table entry', () => {
  it('encodes a PIN with a year-day schedule byte for byte', () => {
    expect(encodeTableEntry(tempPin)).toEqual(tempPinBytes);
    expect(encodedEntrySize(tempPin)).toBe(tempPinBytes.length);
  });

  it('encodes a Bluetooth pass with a week-day schedule byte for byte', () => {
    expect(encodeTableEntry(walkerPass)).toEqual(walkerPassBytes);
  });

  it('encodes an unrestricted user with no schedules', () => {
    expect(encodeTableEntry(permanent)).toEqual(permanentBytes);
  });

  it('uses Matter user type numbers: disposable 6, schedule restricted 8', () => {
    const as = (userType: TableEntry['user']['userType']) => encodeTableEntry({ ...permanent, user: { ...permanent.user, userType } })[3];
    expect(as('disposable_user')).toBe(6);
    expect(as('schedule_restricted_user')).toBe(8);
  });

  it('decodes what it encodes', () => {
    fc.assert(fc.property(entryArb(), (entry) => {
          expect(decodeTableEntry(encodeTableEntry(entry))).toEqual({ ok: true, entry });
        }));
  });

  it('refuses to encode what no door could hold', () => {
    expect(() => encodeTableEntry({ ...permanent, pin: '12a4' })).toThrow(RangeError);
    expect(() => encodeTableEntry({ ...walkerPass, blePass: new Uint8Array(15) })).toThrow(RangeError);
    expect(() => encodeTableEntry({ ...permanent, slot: 70_000 })).toThrow(RangeError);
  });

  it('does not decode bad entries', () => {
    const reason = (bytes: Uint8Array) => {
      const decoded = decodeTableEntry(bytes);
      return decoded.ok ? null : decoded.reason;
    };
    expect(reason(hex('01 00 01 00 04 31 32 61 34 00 00'))).toMatch(/not all digits/); // "12a4"
    expect(reason(hex('01 00 02 00 04 00 01 02 03 00 00'))).toMatch(/4 bytes, not 16/); // a 4-byte pass
    expect(reason(hex('01 00 03 00 00 00 00'))).toMatch(/credential kind 0x03 is unknown/);
    expect(reason(hex('01 00 01 04 04 31 32 33 34 00 00'))).toMatch(/user type 0x04 is unknown/); // Matter's NonAccessUser: not one Porter writes
    expect(reason(hex('01 00 01 02 04 31 32 33 34 01 00 0b 00 0d 1e 00'))).toMatch(/names no day/);
    expect(reason(hex('01 00 01 02 04 31 32 33 34 01 02 0d 1e 0b 00 00'))).toMatch(/ends before it starts/);
    expect(reason(hex('01 00 01 02 04 31 32 33 34 01 02 18 00 19 00 00'))).toMatch(/not a time of day/);
    expect(reason(hex('01 00 01 01 04 31 32 33 34 00 01 05 00 00 00 05 00 00 00'))).toMatch(/year-day schedule ends before it starts/);
    expect(reason(hex('01 00 01 00 04 31 32 33'))).toMatch(/ends before credential/);
    expect(reason(hex('01 00 01 00 04 31 32 33 34 00 00 ff'))).toMatch(/1 unexpected trailing bytes/);
  });
});

describe('the table checksum', () => {
  it('is 0 for an empty table (CRC-32 of nothing)', () => expect(tableChecksum([])).toBe(0));

  it('is zlib CRC-32 over the entries sorted by slot, one after another', () => {
    const expected = crc32(Buffer.concat([permanentBytes, tempPinBytes, walkerPassBytes]));
    expect(tableChecksum([walkerPass, permanent, tempPin])).toBe(expected);
    expect(tableChecksum([tempPin])).toBe(crc32(tempPinBytes));
  });

  it('does not depend on the order entries are given in', () => {
    fc.assert(
      fc.property(
        tableArb().chain((table) => fc.tuple(fc.constant(table), fc.shuffledSubarray(table, { minLength: table.length }))),
        ([table, shuffled]) => {
          expect(tableChecksum(shuffled)).toBe(tableChecksum(table));
        },
      ),
    );
  });

  it('changes when any field of any entry changes', () => {
    const mutations = ['slot', 'credential', 'kind', 'userType', 'addWeekDay', 'weekDayField', 'addYearDay', 'yearDayField', 'removeEntry'] as const;
    fc.assert(
      fc.property(tableArb(), fc.nat(), fc.constantFrom(...mutations), (table, pick, mutation) => {
        const index = pick % table.length;
        const changed = table.map((e) => structuredClone(e));
        const entry = changed[index] as TableEntry;
        const user = entry.user;
        switch (mutation) {
          case 'slot':
            entry.slot = Math.max(...table.map((e) => e.slot)) + 1;
            break;
          case 'credential':
            if (entry.kind === 'pin') entry.pin = entry.pin.slice(0, -1) + String((Number(entry.pin.at(-1)) + 1) % 10);
            else entry.blePass[0] = (entry.blePass[0]! + 1) % 256;
            break;
          case 'kind':
            changed[index] = entry.kind === 'pin' ? { slot: entry.slot, user, kind: 'ble', blePass: new Uint8Array(16) } : { slot: entry.slot, user, kind: 'pin', pin: '0000' };
            break;
          case 'userType':
            user.userType = user.userType === 'unrestricted_user' ? 'disposable_user' : 'unrestricted_user';
            break;
          case 'addWeekDay':
            user.weekDaySchedules.push({ daysMask: 1, startHour: 0, startMinute: 0, endHour: 0, endMinute: 1 });
            break;
          case 'weekDayField':
            if (user.weekDaySchedules[0]) user.weekDaySchedules[0].daysMask ^= 0x40;
            else user.weekDaySchedules.push({ daysMask: 1, startHour: 0, startMinute: 0, endHour: 0, endMinute: 1 });
            break;
          case 'addYearDay':
            user.yearDaySchedules.push({ localStartTime: 0, localEndTime: 1 });
            break;
          case 'yearDayField':
            if (user.yearDaySchedules[0]) user.yearDaySchedules[0].localEndTime += user.yearDaySchedules[0].localEndTime < 0xffff_ffff ? 1 : -1;
            else user.yearDaySchedules.push({ localStartTime: 0, localEndTime: 1 });
            break;
          case 'removeEntry':
            changed.splice(index, 1);
            break;
        }
        expect(tableChecksum(changed)).not.toBe(tableChecksum(table));
      }),
    );
  });

  it('refuses two entries for one slot: that is not a table', () => {
    expect(() => tableChecksum([permanent, { ...tempPin, slot: 1 }])).toThrow(/two entries for slot 1/);
  });
});

describe('batching STAGE_PUT', () => {
  const small = (slot: number): TableEntry => ({ ...permanent, slot });
  const huge = (slot: number): TableEntry => ({
    ...permanent,
    slot,
    user: {
      userType: 'schedule_restricted_user',
      weekDaySchedules: Array.from({ length: 255 }, () => ({ daysMask: 0x7f, startHour: 8, startMinute: 0, endHour: 17, endMinute: 0 })),
      yearDaySchedules: Array.from({ length: 255 }, () => ({ localStartTime: 1, localEndTime: 2 })),
    },
  });

  it('stops at 255 entries, the count byte', () => {
    expect(entriesFittingStagePut(Array.from({ length: 300 }, (_, i) => small(i + 1)))).toBe(255);
    expect(entriesFittingStagePut([small(1), small(2)])).toBe(2);
    expect(entriesFittingStagePut([])).toBe(0);
  });

  it('stops before the payload limit, counting each entry as encoded', () => {
    const entries = [huge(1), huge(2), huge(3)];
    expect(encodedEntrySize(huge(1))).toBe(2 + 1 + 1 + 1 + 8 + 1 + 255 * 5 + 1 + 255 * 8);
    expect(entriesFittingStagePut(entries)).toBe(2);
    expect(stagePut.encode({ entries: entries.slice(0, 2) }).length).toBeLessThanOrEqual(maxPayloadBytes);
    expect(stagePut.encode({ entries }).length).toBeGreaterThan(maxPayloadBytes);
  });

  it('always fills a payload without going over', () => {
    fc.assert(
      fc.property(fc.array(entryArb(), { minLength: 1, maxLength: 400 }), (entries) => {
        const count = entriesFittingStagePut(entries);
        expect(count).toBeGreaterThan(0);
        expect(stagePut.encode({ entries: entries.slice(0, count) }).length).toBeLessThanOrEqual(maxPayloadBytes);
        if (count < entries.length && count < 255) expect(stagePut.encode({ entries: entries.slice(0, count + 1) }).length).toBeGreaterThan(maxPayloadBytes);
      }),
      { numRuns: 30 },
    );
  });
});
