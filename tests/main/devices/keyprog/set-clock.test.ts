import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { setClock } from '../../../../src/main/devices/keyprog/commands/set-clock';
import { zoneTransitions } from '../../../../src/main/devices/keyprog/zone-transitions';
import { hex } from './hex';

const chicagoWinter = Temporal.Instant.from('2026-01-15T12:00:00Z');

describe('SET_CLOCK 0x03', () => {
  const setting = {
    utcSeconds: 1_768_478_400,
    offsetMinutes: -360,
    transitions: [
      { atUtcSeconds: 1_772_956_800, offsetMinutes: -300 },
      { atUtcSeconds: 1_793_516_400, offsetMinutes: -360 },
    ],
  };
  const payload = hex(
    '03', //            SET_CLOCK
    'c0 d6 68 69', //   UTC 1768478400 = 2026-01-15T12:00Z, u32 LE
    '98 fe', //         offset -360 minutes (CST), i16 LE
    '02', //            two transitions:
    '80 2c ad 69', //   2026-03-08T08:00Z (02:00 CST) ...
    'd4 fe', //         ... to -300 (CDT)
    '70 e3 e6 6a', //   2026-11-01T07:00Z (02:00 CDT) ...
    '98 fe', //         ... back to -360
  );

  it('encodes the time, the offset and the coming transitions', () => expect(setClock.encode(setting)).toEqual(payload));
  it('reads them back on the programmer side', () => expect(setClock.decodeArgs(payload)).toEqual({ ok: true, args: setting }));
  it('is answered by a status alone', () => {
    expect(setClock.decode(hex('00'))).toEqual({ status: 'ok' });
    expect(setClock.encodeResult({ status: 'ok' })).toEqual(hex('00'));
  });

  it('refuses transitions that are past, out of order or too many', () => {
    const refused = (transitions: typeof setting.transitions) => setClock.decodeArgs(setClock.encode({ ...setting, transitions }));
    expect(refused([{ atUtcSeconds: setting.utcSeconds, offsetMinutes: -300 }])).toMatchObject({ ok: false, reason: expect.stringMatching(/upcoming and ascending/) });
    expect(refused([...setting.transitions].reverse())).toMatchObject({ ok: false });
    const nine = Array.from({ length: 9 }, (_, i) => ({ atUtcSeconds: setting.utcSeconds + 1 + i, offsetMinutes: 0 }));
    expect(refused(nine)).toMatchObject({ ok: false, reason: '9 transitions, more than 8' });
    expect(setClock.decodeArgs(hex('03 00 00 00 00 a0 05 00'))).toMatchObject({ ok: false, reason: 'offset minutes 1440 is more than a day' });
  });
});

describe('zone transitions for a lock without a time zone database', () => {
  it('gives Chicago in January its offset and the next eight DST changes', () => {
    const setting = zoneTransitions('America/Chicago', chicagoWinter);
    expect(setting.utcSeconds).toBe(1_768_478_400);
    expect(setting.offsetMinutes).toBe(-360);
    expect(setting.transitions.map((t) => [new Date(t.atUtcSeconds * 1000).toISOString(), t.offsetMinutes])).toEqual([
      ['2026-03-08T08:00:00.000Z', -300],
      ['2026-11-01T07:00:00.000Z', -360],
      ['2027-03-14T08:00:00.000Z', -300],
      ['2027-11-07T07:00:00.000Z', -360],
      ['2028-03-12T08:00:00.000Z', -300],
      ['2028-11-05T07:00:00.000Z', -360],
      ['2029-03-11T08:00:00.000Z', -300],
      ['2029-11-04T07:00:00.000Z', -360],
    ]);
    expect(setClock.decodeArgs(setClock.encode(setting))).toEqual({ ok: true, args: setting });
  });

  it('starts from the offset in force, in summer too', () => {
    const summer = zoneTransitions('America/Chicago', Temporal.Instant.from('2026-07-04T17:00:00.5Z'), 1);
    expect(summer).toEqual({ utcSeconds: 1_783_184_400, offsetMinutes: -300, transitions: [{ atUtcSeconds: 1_793_516_400, offsetMinutes: -360 }] });
  });

  it('takes a Date as well as an Instant', () => {
    expect(zoneTransitions('America/Chicago', new Date('2026-01-15T12:00:00Z'))).toEqual(zoneTransitions('America/Chicago', chicagoWinter));
  });

  it('gives a zone without DST no transitions', () => {
    expect(zoneTransitions('UTC', chicagoWinter)).toEqual({ utcSeconds: 1_768_478_400, offsetMinutes: 0, transitions: [] });
    expect(zoneTransitions('Asia/Tokyo', chicagoWinter).transitions).toEqual([]);
    expect(zoneTransitions('Asia/Kolkata', chicagoWinter).offsetMinutes).toBe(330);
  });
});
