import { describe, expect, it } from 'vitest';
import { readAudit } from '../../../../src/main/devices/keyprog/commands/read-audit';
import { readReaderConfig } from '../../../../src/main/devices/keyprog/commands/read-reader-config';
import type { ReaderConfig } from '../../../../src/main/devices/keyprog/commands/reader-config';
import { writeReaderConfig } from '../../../../src/main/devices/keyprog/commands/write-reader-config';
import { hex } from './hex';

describe('READ_AUDIT 0x0A', () => {
  it('encodes where to start and how many', () => {
    expect(readAudit.encode({ afterRecord: 300, maxRecords: 50 })).toEqual(hex('0a', '2c 01 00 00', '32')); // after 300, at most 50
    expect(readAudit.decodeArgs(hex('0a 2c 01 00 00 32'))).toEqual({ ok: true, args: { afterRecord: 300, maxRecords: 50 } });
    expect(readAudit.decodeArgs(hex('0a 2c 01 00 00 00'))).toEqual({ ok: false, reason: 'max records is 0' });
  });

  const answer = hex(
    '00', //                   ok
    '02', //                   two records
    '01', //                   more: the door holds newer ones
    '2d 01 00 00', //          record 301
    'e0 3e fb 30', //          lock-local 821772000 = 2026-01-15T06:00 on the lock's wall clock
    '01', //                   unlocked by credential
    '03 00', //                slot 3
    '2e 01 00 00', //          record 302
    'e0 3e fb 30', //          same minute
    '04', //                   table committed
    'ff ff', //                no slot
  );
  const page = {
    status: 'ok',
    more: true,
    records: [
      { number: 301, localTime: 821_772_000, event: 'unlocked_by_credential', slot: 3 },
      { number: 302, localTime: 821_772_000, event: 'table_committed', slot: null },
    ],
  } as const;

  it('decodes records and the more flag', () => expect(readAudit.decode(answer)).toEqual(page));
  it('is what the door answers', () => expect(readAudit.encodeResult({ ...page, records: [...page.records] })).toEqual(answer));

  it('numbers every event', () => {
    const events = ['unlocked_by_credential', 'denied_credential', 'denied_schedule', 'table_committed', 'clock_set', 'battery_low', 'tamper', 'door_forced'] as const;
    events.forEach((event, i) => {
      const bytes = readAudit.encodeResult({ status: 'ok', more: false, records: [{ number: 1, localTime: 0, event, slot: null }] });
      expect(bytes[3 + 8]).toBe(i + 1);
    });
  });

  it('finds records out of order malformed', () => {
    const swapped = hex('00 02 00', '2e 01 00 00 00 00 00 00 01 03 00', '2d 01 00 00 00 00 00 00 01 03 00');
    expect(readAudit.decode(swapped)).toMatchObject({ status: 'malformed', reason: 'READ_AUDIT: audit record 301 is out of order' });
  });
});

describe('READ_READER_CONFIG 0x0B and WRITE_READER_CONFIG 0x0C', () => {
  const config: ReaderConfig = {
    osdpAddress: 5,
    cardFormats: ['wiegand_26', 'osdp_secure'],
    ledMode: 'on_grant_only',
    buzzer: { onGrant: true, onDeny: false },
    unlockedSchedule: [{ daysMask: 0x3e, startHour: 8, startMinute: 0, endHour: 18, endMinute: 30 }],
  };
  const body = [
    '05', //             OSDP address 5
    '09', //             card formats: bit 0 Wiegand 26, bit 3 OSDP secure channel
    '02', //             LED on a grant only
    '01', //             buzzer: bit 0 on grant (bit 1 on deny: off)
    '01', //             one unlocked window:
    '3e 08 00 12 1e', // Monday to Friday, 08:00 to 18:30
  ];

  it('writes the config whole', () => {
    expect(writeReaderConfig.encode(config)).toEqual(hex('0c', ...body));
    expect(writeReaderConfig.decodeArgs(hex('0c', ...body))).toEqual({ ok: true, args: config });
  });

  it('reads it back', () => {
    expect(readReaderConfig.encode()).toEqual(hex('0b'));
    expect(readReaderConfig.decode(hex('00', ...body))).toEqual({ status: 'ok', ...config });
    expect(readReaderConfig.encodeResult({ status: 'ok', ...config })).toEqual(hex('00', ...body));
  });

  it('is refused by a lock as data', () => {
    expect(readReaderConfig.decode(hex('08'))).toEqual({ status: 'not_a_reader' });
    expect(writeReaderConfig.decode(hex('08'))).toEqual({ status: 'not_a_reader' });
  });

  it('refuses an OSDP broadcast address or unknown bits', () => {
    expect(writeReaderConfig.decodeArgs(hex('0c 7f 01 00 00 00'))).toEqual({ ok: false, reason: 'OSDP address 127 is over 126' });
    expect(writeReaderConfig.decodeArgs(hex('0c 00 10 00 00 00'))).toEqual({ ok: false, reason: 'card formats has unknown bits 0x10' });
    expect(writeReaderConfig.decodeArgs(hex('0c 00 01 03 00 00'))).toEqual({ ok: false, reason: 'LED mode 0x03 is unknown' });
    expect(writeReaderConfig.decodeArgs(hex('0c 00 01 00 04 00'))).toEqual({ ok: false, reason: 'unknown buzzer flags 0x4' });
  });
});
