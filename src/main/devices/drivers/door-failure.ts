/**
 * Why work on a door through a programmer failed, as data the service turns into advice.
 * Transport failures (the cable, the programmer) and door refusals (its battery, its slots)
 * are kept apart: only the first kind is worth a plain retry.
 */
export type DoorFailureReason =
  | 'disconnected'
  | 'timeout'
  | 'transport'
  | 'programmer_busy'
  | 'auth_failed'
  | 'no_door_attached'
  | 'battery_low'
  | 'no_free_slot'
  | 'pin_length'
  | 'schedule_unsupported'
  | 'kind_unsupported'
  | 'checksum_mismatch'
  | 'not_a_reader'
  | 'door_busy'
  | 'door_io_error'
  | 'protocol'
  | 'aborted';

export class DoorFailure extends Error {
  constructor(
    readonly reason: DoorFailureReason,
    message: string,
    /** A door refusal names the slot it refused, where it said. */
    readonly slot: number | null = null,
  ) {
    super(message);
    this.name = 'DoorFailure';
  }
}
