import type { LockUser } from '../../../../src/shared/domain/matter-door-lock';
import { keyProgrammerCommands, type ArgsOf, type CommandName, type ResultOf } from '../../../../src/main/devices/keyprog/commands';

type Commands = typeof keyProgrammerCommands;
type Sample<K extends CommandName> = { args: ArgsOf<Commands[K]>; ok: Extract<ResultOf<Commands[K]>, { status: 'ok' }> };

const noUser: LockUser = { userType: 'unrestricted_user', weekDaySchedules: [], yearDaySchedules: [] };
const tableState = { version: 3, checksum: 0xdeadbeef, usedSlots: 12 };
const readerConfig = {
  osdpAddress: 126,
  cardFormats: ['wiegand_34' as const, 'wiegand_37' as const],
  ledMode: 'off' as const,
  buzzer: { onGrant: false, onDeny: true },
  unlockedSchedule: [],
};

/** One valid call and ok answer for every command, for the properties that hold for all of them. */
export const samples: { [K in CommandName]: Sample<K> } = {
  identifyProgrammer: { args: undefined, ok: { status: 'ok', model: 'PKP-1', serial: 'S1', firmware: '1.0.0', protocolVersion: 1 } },
  describeDoor: {
    args: undefined,
    ok: {
      status: 'ok',
      kind: 'reader',
      modelId: 'kestrel-pr1',
      serial: 'PR1-7',
      firmware: '3.0.0',
      batteryPercent: 100,
      clock: { utcSeconds: 1_768_478_400, offsetMinutes: -360 },
      capabilities: { slots: 2000, pinLength: { min: 6, max: 8 }, credentialKinds: ['pin', 'ble'], scheduleKinds: ['week_day'], weekDaySchedulesPerUser: 2, yearDaySchedulesPerUser: 0 },
      table: tableState,
      lastAuditRecord: 0,
    },
  },
  setClock: { args: { utcSeconds: 100, offsetMinutes: 60, transitions: [{ atUtcSeconds: 200, offsetMinutes: 120 }] }, ok: { status: 'ok' } },
  readChecksum: { args: undefined, ok: { status: 'ok', ...tableState } },
  stageBegin: { args: { baseChecksum: 0xdeadbeef, fromEmpty: false }, ok: { status: 'ok' } },
  stagePut: { args: { entries: [{ slot: 9, kind: 'ble', blePass: new Uint8Array(16).fill(7), user: noUser }] }, ok: { status: 'ok' } },
  stageDelete: { args: { slots: [4, 5] }, ok: { status: 'ok' } },
  commit: { args: { expectedChecksum: 1 }, ok: { status: 'ok', version: 4, checksum: 1 } },
  abortStage: { args: undefined, ok: { status: 'ok' } },
  readAudit: { args: { afterRecord: 0, maxRecords: 255 }, ok: { status: 'ok', more: false, records: [{ number: 1, localTime: 5, event: 'tamper', slot: null }] } },
  readReaderConfig: { args: undefined, ok: { status: 'ok', ...readerConfig } },
  writeReaderConfig: { args: readerConfig, ok: { status: 'ok' } },
};
