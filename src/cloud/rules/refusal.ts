/** Codes a rejected mutation carries, (earlier clouds also answered 'pin_taken', which a duplicate repeats). */
export const refusalCodes = [
  'forbidden',
  'not_allowed',
  'not_found',
  'conflict',
  'slots_full',
  'invalid_payload',
  'unknown_kind',
  // No proof that the staff member named made this change, or a proof that does not hold.
  'proof_missing',
  'proof_invalid',
  // The change fails the same way every time the cloud applies it (a bug, or input no rule foresaw).
  'unprocessable',
] as const;
export type RefusalCode = (typeof refusalCodes)[number];

/**
 * The cloud will not apply a mutation. Thrown by a rule; the mutation's transaction rolls
 * back and the rejection is recorded on its own, so a rule may throw after a write.
 * The reason is a sentence staff read on the console.
 */
export class MutationRefused extends Error {
  readonly code: RefusalCode;
  constructor(code: RefusalCode, reason: string) {
    super(reason);
    this.name = 'MutationRefused';
    this.code = code;
  }
}
