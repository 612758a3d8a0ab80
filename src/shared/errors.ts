/**
 * Error codes every caller can rely on. A handler throws a PorterError with one of these;
 * anything else thrown is folded into 'internal' so no stack trace or secret crosses IPC.
 */
export const errorCodes = [
  'invalid_input', // the payload failed its schema (wrong type, too long, extra field)
  'payload_too_large', // the raw payload is over the byte cap, refused before parsing
  'unknown_command', // not a name in the contract
  'untrusted_sender', // the call did not come from the console's own page
  'signed_out', // nobody is signed in on this console
  'forbidden', // the staff role may not run this command
  'not_found', // the unit, credential or door named does not exist
  'not_allowed', // the community's guidelines or the lock model forbid it
  'slots_full', // a door has no free credential slot
  'conflict', // the state changed under the caller (e.g. already revoked)
  'device', // a programmer or the door on its cable failed or refused; the message says what to do
  'internal', // anything unexpected; details stay in the main process
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export class PorterError extends Error {
  readonly code: ErrorCode;
  /** The input field the error is about (e.g. 'guest.phone'), so a form can say it there. */
  readonly field: string | undefined;
  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'PorterError';
    this.code = code;
    this.field = field;
  }
}

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
