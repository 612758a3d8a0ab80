import { CodeTable } from '../wire-enums';

/**
 * The first byte of every answer. A refusal is an ordinary answer the console plans around
 * (a full lock, a flat battery), so each command's decode returns it as data.
 */
export const deviceStatuses = new CodeTable('status', {
  ok: 0x00,
  /** The programmer has no door on its cable. */
  no_door_attached: 0x01,
  /** Below the door's write threshold: table and configuration writes are refused. */
  battery_low: 0x02,
  /** The slot is not one this door has (1..slots), or its memory holds no more entries. */
  no_free_slot: 0x03,
  /** A PIN shorter or longer than the door's PIN lengths. */
  pin_length: 0x04,
  /** A schedule kind, or more schedules per user, than the door can hold. */
  schedule_unsupported: 0x05,
  /** STAGE_BEGIN's base or COMMIT's expected checksum is not the door's. */
  checksum_mismatch: 0x06,
  /** STAGE_PUT, STAGE_DELETE or COMMIT without a STAGE_BEGIN first. */
  not_staged: 0x07,
  /** A reader command sent to a lock. */
  not_a_reader: 0x08,
  /** The payload does not parse: unknown command, wrong length, a value out of range. */
  invalid_arguments: 0x09,
  /** The door is in the middle of something else (another command, someone at the keypad). */
  door_busy: 0x0a,
  /** The programmer could not talk to the door over its cable. */
  door_io_error: 0x0b,
  /** A credential kind (PIN, Bluetooth pass) the door cannot read. */
  kind_unsupported: 0x0c,
});

export type DeviceStatus = ReturnType<typeof deviceStatuses.read>;
export type RefusalStatus = Exclude<DeviceStatus, 'ok'>;

/** An answer that is only a status byte: every refusal but STAGE_PUT's entry refusals. */
export function statusOnly(status: DeviceStatus): Uint8Array {
  return Uint8Array.of(deviceStatuses.codes[status]);
}

/** Statuses any command that reaches the door may answer. */
export const doorRefusals = ['no_door_attached', 'invalid_arguments', 'door_busy', 'door_io_error'] as const;
/** ...and those that write to it. */
export const writeRefusals = [...doorRefusals, 'battery_low'] as const;
