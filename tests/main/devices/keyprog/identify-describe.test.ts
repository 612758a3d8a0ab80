import { describe, expect, it } from 'vitest';
import { describeDoor, type DoorDescription } from '../../../../src/main/devices/keyprog/commands/describe-door';
import { identifyProgrammer } from '../../../../src/main/devices/keyprog/commands/identify-programmer';
import { ascii, hex } from './hex';

describe('IDENTIFY_PROGRAMMER 0x01', () => {
  const identity = { model: 'PKP-1', serial: 'PKP1-000001', firmware: '1.0.0', protocolVersion: 1 };
  const answer = hex(
    '00', //                          status ok
    '05', ascii('PKP-1'), //          model: length 5, ASCII
    '0b', ascii('PKP1-000001'), //    serial: length 11
    '05', ascii('1.0.0'), //          firmware: length 5
    '01', //                          application protocol version 1
  );

  it('is its command code alone', () => expect(identifyProgrammer.encode()).toEqual(hex('01')));
  it('decodes the programmer identity', () => expect(identifyProgrammer.decode(answer)).toEqual({ status: 'ok', ...identity }));
  it('is what the programmer answers', () => expect(identifyProgrammer.encodeResult({ status: 'ok', ...identity })).toEqual(answer));
  it('reads no arguments on the programmer side', () => {
    expect(identifyProgrammer.decodeArgs(hex('01'))).toEqual({ ok: true, args: undefined });
    expect(identifyProgrammer.decodeArgs(hex('01 00'))).toEqual({ ok: false, reason: '1 unexpected trailing bytes' });
  });
});

describe('DESCRIBE_DOOR 0x02', () => {
  const kb500: DoorDescription = {
    kind: 'lock',
    modelId: 'kestrel-kb500',
    serial: 'KB5-0042',
    firmware: '2.4.1',
    batteryPercent: 87,
    clock: { utcSeconds: 1_772_956_800, offsetMinutes: -300 },
    capabilities: {
      slots: 100,
      pinLength: { min: 6, max: 8 },
      credentialKinds: ['pin', 'ble'],
      scheduleKinds: ['week_day', 'year_day', 'one_time'],
      weekDaySchedulesPerUser: 2,
      yearDaySchedulesPerUser: 1,
    },
    table: { version: 7, checksum: 0xf9ae8b53, usedSlots: 2 },
    lastAuditRecord: 0x1234,
  };
  const answer = hex(
    '00', //                          status ok
    '01', //                          kind 1: lock (2: reader)
    '0d', ascii('kestrel-kb500'), //  model id, as in lockModels
    '08', ascii('KB5-0042'), //       serial
    '05', ascii('2.4.1'), //          firmware
    '57', //                          battery 87 %
    '80 2c ad 69', //                 clock UTC 1772956800 (2026-03-08T08:00Z), u32 LE
    'd4 fe', //                       offset -300 minutes (CDT), i16 LE
    '64 00', //                       slots 100
    '06 08', //                       PIN length 6..8
    '03', //                          credential kinds: bit 0 PIN, bit 1 BLE
    '07', //                          schedule kinds: bit 0 week-day, bit 1 year-day, bit 2 one-time
    '02 01', //                       per user: 2 week-day schedules, 1 year-day schedule
    '07 00 00 00', //                 table version 7
    '53 8b ae f9', //                 table checksum 0xf9ae8b53
    '02 00', //                       2 slots used
    '34 12 00 00', //                 last audit record 0x1234
  );

  it('is its command code alone', () => expect(describeDoor.encode()).toEqual(hex('02')));
  it('decodes a lock description', () => expect(describeDoor.decode(answer)).toEqual({ status: 'ok', ...kb500 }));
  it('is what the door answers', () => expect(describeDoor.encodeResult({ status: 'ok', ...kb500 })).toEqual(answer));

  it('reads PIN lengths 0..0 as a door without a keypad', () => {
    const bt10 = { ...kb500, modelId: 'arden-bt10', capabilities: { ...kb500.capabilities, pinLength: null, credentialKinds: ['ble' as const] } };
    const bytes = describeDoor.encodeResult({ status: 'ok', ...bt10 });
    const capabilities = 1 + 1 + 11 + 9 + 6 + 1 + 6; // status, kind, three texts, battery, clock
    expect([...bytes.subarray(capabilities, capabilities + 8)]).toEqual([0x64, 0x00, 0x00, 0x00, 0x02, 0x07, 0x02, 0x01]);
    expect(describeDoor.decode(bytes)).toEqual({ status: 'ok', ...bt10 });
  });

  it('answers no_door_attached as data', () => expect(describeDoor.decode(hex('01'))).toEqual({ status: 'no_door_attached' }));
});
