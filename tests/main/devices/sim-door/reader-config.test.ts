import { describe, expect, it } from 'vitest';
import { readReaderConfig, writeReaderConfig, type ReaderConfig } from '../../../../src/main/devices/keyprog/commands';
import { rig } from './rig';

const lobby: ReaderConfig = {
  osdpAddress: 12,
  cardFormats: ['wiegand_26', 'wiegand_37', 'osdp_secure'],
  ledMode: 'on_grant_only',
  buzzer: { onGrant: true, onDeny: false },
  unlockedSchedule: [
    { daysMask: 0x3e, startHour: 8, startMinute: 0, endHour: 18, endMinute: 0 },
    { daysMask: 0x40, startHour: 10, startMinute: 0, endHour: 14, endMinute: 0 },
  ],
};

describe("a perimeter reader's settings", () => {
  it('reads the factory settings, writes new ones and reads them back', async () => {
    const { send } = rig('kestrel-pr1');
    expect(await send(readReaderConfig)).toEqual({
      status: 'ok',
      osdpAddress: 0,
      cardFormats: ['wiegand_26'],
      ledMode: 'on_idle',
      buzzer: { onGrant: true, onDeny: true },
      unlockedSchedule: [],
    });
    expect(await send(writeReaderConfig, lobby)).toEqual({ status: 'ok' });
    expect(await send(readReaderConfig)).toEqual({ status: 'ok', ...lobby });
  });

  it('refuses more unlocked windows than it holds, keeping the settings it had', async () => {
    const { send } = rig('kestrel-pr1');
    await send(writeReaderConfig, lobby);
    const nine = Array.from({ length: 9 }, () => lobby.unlockedSchedule[0]!);
    expect(await send(writeReaderConfig, { ...lobby, unlockedSchedule: nine })).toEqual({ status: 'schedule_unsupported' });
    expect(await send(readReaderConfig)).toEqual({ status: 'ok', ...lobby });
  });

  it('refuses a write on a low battery', async () => {
    const { send, door } = rig('kestrel-pr1');
    door.inject({ kind: 'low_battery' });
    expect(await send(writeReaderConfig, lobby)).toEqual({ status: 'battery_low' });
  });

  it('is not something a lock has', async () => {
    for (const lock of ['arden-kp200', 'arden-bt10', 'kestrel-kb500'] as const) {
      const { send } = rig(lock);
      expect(await send(readReaderConfig)).toEqual({ status: 'not_a_reader' });
      expect(await send(writeReaderConfig, lobby)).toEqual({ status: 'not_a_reader' });
    }
  });
});
