import type { RefusalCode } from '../../shared/sync';

/**
 * The cloud will not apply a mutation. Thrown by a rule; the mutation's transaction rolls
 * back and the rejection is recorded on its own, so a rule may throw after a write.
 * The reason is a sentence staff read on the console. The codes are the protocol's
 * (`refusalCodes` in src/shared/sync/push.ts).
 */
export class MutationRefused extends Error {
  readonly code: RefusalCode;
  constructor(code: RefusalCode, reason: string) {
    super(reason);
    this.name = 'MutationRefused';
    this.code = code;
  }
}
