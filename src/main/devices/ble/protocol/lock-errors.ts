/**
 * The lock's ERROR message: why it is ending the session. Sent in the clear (there may be no
 * keys yet, and after a tampered message the keys are not trusted), then the lock hangs up.
 */
export const lockErrorCodes = {
  protocol: 0x01, // a message it could not read: bad segment sequence, wrong message type for the phase, malformed layout
  auth_failed: 0x02, // the console's confirmation is wrong: it holds another key (or setup code)
  replay_refused: 0x03, // a sealed message whose counter is not above the last one accepted
  tampered: 0x04, // a sealed message whose tag does not verify
  not_commissioned: 0x05, // a session asked of a factory-new lock: it has no lock key yet
  already_commissioned: 0x06, // commissioning asked of a commissioned lock: the setup code no longer works
  too_many_attempts: 0x07, // five wrong setup codes in a row: commissioning refused for ten minutes
} as const;

export type LockErrorCode = keyof typeof lockErrorCodes;

const byByte = new Map(Object.entries(lockErrorCodes).map(([name, byte]) => [byte as number, name as LockErrorCode]));

/** A code this console does not know reads as 'protocol': the session ends either way. */
export function lockErrorOf(byte: number): LockErrorCode {
  return byByte.get(byte) ?? 'protocol';
}
