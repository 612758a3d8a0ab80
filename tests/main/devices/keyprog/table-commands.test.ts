import { describe, expect, it } from 'vitest';
import type { TableEntry } from '../../../../src/main/devices/keyprog/credential-table';
import { abortStage } from '../../../../src/main/devices/keyprog/commands/abort-stage';
import { commit } from '../../../../src/main/devices/keyprog/commands/commit';
import { readChecksum } from '../../../../src/main/devices/keyprog/commands/read-checksum';
import { stageBegin } from '../../../../src/main/devices/keyprog/commands/stage-begin';
import { stageDelete } from '../../../../src/main/devices/keyprog/commands/stage-delete';
import { stagePut } from '../../../../src/main/devices/keyprog/commands/stage-put';
import { hex } from './hex';

describe('READ_CHECKSUM 0x04', () => {
  const answer = hex(
    '00', //           ok
    '2a 00 00 00', //  table version 42
    '78 56 34 12', //  checksum 0x12345678
    '2c 01', //        300 slots used
  );
  it('is its command code alone', () => expect(readChecksum.encode()).toEqual(hex('04')));
  it('decodes version, checksum and used slots', () => {
    expect(readChecksum.decode(answer)).toEqual({ status: 'ok', version: 42, checksum: 0x12345678, usedSlots: 300 });
    expect(readChecksum.encodeResult({ status: 'ok', version: 42, checksum: 0x12345678, usedSlots: 300 })).toEqual(answer);
  });
});

describe('STAGE_BEGIN 0x05', () => {
  it('encodes the base checksum and flags', () => {
    expect(stageBegin.encode({ baseChecksum: 0xf9ae8b53, fromEmpty: false })).toEqual(hex('05', '53 8b ae f9', '00'));
    expect(stageBegin.encode({ baseChecksum: 0, fromEmpty: true })).toEqual(hex('05', '00 00 00 00', '01')); // bit 0: from an empty table
    expect(stageBegin.decodeArgs(hex('05 53 8b ae f9 01'))).toEqual({ ok: true, args: { baseChecksum: 0xf9ae8b53, fromEmpty: true } });
  });
  it('refuses flags it does not know', () => expect(stageBegin.decodeArgs(hex('05 00 00 00 00 02'))).toMatchObject({ ok: false }));
  it('decodes its refusals', () => {
    expect(stageBegin.decode(hex('00'))).toEqual({ status: 'ok' });
    expect(stageBegin.decode(hex('06'))).toEqual({ status: 'checksum_mismatch' });
    expect(stageBegin.decode(hex('02'))).toEqual({ status: 'battery_low' });
  });
});

describe('STAGE_PUT 0x06', () => {
  const entries: TableEntry[] = [
    { slot: 1, kind: 'pin', pin: '135790', user: { userType: 'unrestricted_user', weekDaySchedules: [], yearDaySchedules: [] } },
    {
      slot: 2,
      kind: 'pin',
      pin: '246801',
      user: { userType: 'disposable_user', weekDaySchedules: [], yearDaySchedules: [{ localStartTime: 0x31000000, localEndTime: 0x31000e10 }] },
    },
  ];
  const payload = hex(
    '06', //                    STAGE_PUT
    '02', //                    two entries
    '01 00 01 00', //           slot 1, PIN, unrestricted
    '06 31 33 35 37 39 30', //  "135790"
    '00 00', //                 no schedules
    '02 00 01 06', //           slot 2, PIN, disposable user (6)
    '06 32 34 36 38 30 31', //  "246801"
    '00', //                    no week-day schedule
    '01 00 00 00 31 10 0e 00 31', // one year-day schedule: one hour from 0x31000000
  );

  it('encodes a count and the canonical entries', () => expect(stagePut.encode({ entries })).toEqual(payload));
  it('reads them back on the programmer side', () => expect(stagePut.decodeArgs(payload)).toEqual({ ok: true, args: { entries } }));

  it('names the refused slot after an entry refusal', () => {
    expect(stagePut.decode(hex('03', '33 00'))).toEqual({ status: 'no_free_slot', slot: 51 }); // no_free_slot, slot 51
    expect(stagePut.decode(hex('04', '02 00'))).toEqual({ status: 'pin_length', slot: 2 });
    expect(stagePut.decode(hex('05', 'e8 03'))).toEqual({ status: 'schedule_unsupported', slot: 1000 });
    expect(stagePut.decode(hex('0c', '01 00'))).toEqual({ status: 'kind_unsupported', slot: 1 });
    expect(stagePut.encodeResult({ status: 'pin_length', slot: 2 })).toEqual(hex('04 02 00'));
  });

  it('answers other refusals with the status alone', () => {
    expect(stagePut.decode(hex('07'))).toEqual({ status: 'not_staged' });
    expect(stagePut.decode(hex('02'))).toEqual({ status: 'battery_low' });
    expect(stagePut.encodeResult({ status: 'not_staged' })).toEqual(hex('07'));
    expect(stagePut.decode(hex('03'))).toMatchObject({ status: 'malformed', reason: expect.stringMatching(/ends before refused slot/) });
  });
});

describe('STAGE_DELETE 0x07', () => {
  const payload = hex('07', '03 00', '01 00', '02 01', 'd0 07'); // three slots: 1, 258, 2000
  it('encodes a u16 count and the slots', () => expect(stageDelete.encode({ slots: [1, 258, 2000] })).toEqual(payload));
  it('reads them back', () => expect(stageDelete.decodeArgs(payload)).toEqual({ ok: true, args: { slots: [1, 258, 2000] } }));
  it('refuses a count the slots do not fill', () => expect(stageDelete.decodeArgs(hex('07 02 00 01 00'))).toMatchObject({ ok: false }));
  it('decodes not_staged', () => expect(stageDelete.decode(hex('07'))).toEqual({ status: 'not_staged' }));
});

describe('COMMIT 0x08', () => {
  it('encodes the checksum the stage must have', () => {
    expect(commit.encode({ expectedChecksum: 0xf9ae8b53 })).toEqual(hex('08', '53 8b ae f9'));
    expect(commit.decodeArgs(hex('08 53 8b ae f9'))).toEqual({ ok: true, args: { expectedChecksum: 0xf9ae8b53 } });
  });
  it('decodes the new version and checksum', () => {
    const answer = hex('00', '08 00 00 00', '53 8b ae f9'); // ok, version 8, checksum
    expect(commit.decode(answer)).toEqual({ status: 'ok', version: 8, checksum: 0xf9ae8b53 });
    expect(commit.encodeResult({ status: 'ok', version: 8, checksum: 0xf9ae8b53 })).toEqual(answer);
  });
  it('decodes its refusals', () => {
    expect(commit.decode(hex('06'))).toEqual({ status: 'checksum_mismatch' });
    expect(commit.decode(hex('07'))).toEqual({ status: 'not_staged' });
  });
});

describe('ABORT_STAGE 0x09', () => {
  it('is its command code alone, answered ok', () => {
    expect(abortStage.encode()).toEqual(hex('09'));
    expect(abortStage.decode(hex('00'))).toEqual({ status: 'ok' });
    expect(abortStage.encodeResult({ status: 'ok' })).toEqual(hex('00'));
  });
});
