import { z } from 'zod';
import { commands, isCommandName, isTrainingCommand, maxPayloadDepth, mayRun, nestsDeeperThan, payloadLimit, type CommandName } from '../../shared/contract';
import type { StaffMember } from '../../shared/domain';
import type { Envelope } from '../../shared/envelope';
import { PorterError } from '../../shared/errors';
import type { Connection } from '../core-types';
import type { CallContext, Handlers, TrainingHandlers } from './handlers-type';

export interface DispatcherOptions {
  handlers: Handlers;
  /** The training section's handlers on a training core; null elsewhere, where those commands do not exist. */
  training: TrainingHandlers | null;
  /** Where unexpected errors go; their details never reach the caller. */
  logError: (command: string, error: unknown) => void;
}

function fail(code: PorterError['code'], message: string, field?: string): Envelope<never> {
  return { ok: false, error: field ? { code, message, field } : { code, message } };
}

/** A key a programmer could have meant, safe to name back: letters and digits, short. */
const nameableKey = /^[A-Za-z][A-Za-z0-9_]{0,31}$/;

/**
 * One issue in words, never echoing the value (unknown keys are named only when they look like
 * a field name). A sentence (src/shared/plain-words.ts, or a schema's own "Enter the guest’s
 * name") stands alone; a wire-level fragment ("must be 64 hex digits") follows its path.
 */
function describeIssue(issue: z.ZodError['issues'][number]): string {
  const where = issue.path.length ? issue.path.join('.') : 'input';
  if (issue.code === 'unrecognized_keys') {
    const named = issue.keys.filter((key) => nameableKey.test(key));
    const unnamed = issue.keys.length - named.length;
    const parts = [...named.map((key) => `"${key}"`), ...(unnamed ? [unnamed === 1 ? 'a field' : `${unnamed} fields`] : [])];
    return `${where}: unknown ${parts.length === 1 && !unnamed ? 'field' : 'fields'} ${parts.join(', ')}`;
  }
  return /^[a-z]/.test(issue.message) ? `${where}: ${issue.message}` : issue.message;
}

/** "guest.phone: Enter a phone number; unitId: ..." without echoing the values sent. */
function describeIssues(error: z.ZodError): string {
  return error.issues.slice(0, 5).map(describeIssue).join('; ');
}

/**
 * UTF-8 bytes of the payload's JSON, or null when it has none (a BigInt over Electron's
 * structured clone). The depth is checked first, so this cannot overflow the stack.
 */
function payloadSize(input: unknown): number | null {
  try {
    return Buffer.byteLength(JSON.stringify(input ?? null) ?? '');
  } catch {
    return null;
  }
}

/**
 * The one path every contract call takes, whatever carried it: name check, size cap,
 * schema parse, sign-in and role check, run, and an envelope. The carrier has already
 * checked the sender. Each connection (a window) has its own signed-in staff member.
 */
export function createDispatcher({ handlers, training, logError }: DispatcherOptions) {
  const served: Partial<Handlers & TrainingHandlers> = { ...handlers, ...training };
  return {
    connect(initial: { operator: StaffMember | null; kiosk: boolean }, source: string): Connection {
      let operator = initial.operator;
      const ctx: CallContext = {
        get operator() {
          return operator;
        },
        kiosk: initial.kiosk,
        source,
        signIn: (member) => (operator = member),
        signOut: () => (operator = null),
      };

      const dispatch = async (command: unknown, input: unknown): Promise<Envelope<unknown>> => {
        // A training command on a console that is not training is answered as any unknown name.
        if (!isCommandName(command) || (isTrainingCommand(command) && !training)) return fail('unknown_command', 'There is no such command in the contract.');
        if (nestsDeeperThan(input, maxPayloadDepth))
          return fail('invalid_input', `The ${command} payload nests deeper than ${maxPayloadDepth} levels.`);
        const limit = payloadLimit(command);
        const size = payloadSize(input);
        if (size === null) return fail('invalid_input', `The ${command} payload is not JSON.`);
        if (size > limit) return fail('payload_too_large', `The ${command} payload is over ${Math.floor(limit / 1024)} KiB.`);
        const spec = commands[command];
        const parsed = spec.input.safeParse(input);
        if (!parsed.success)
          return fail('invalid_input', describeIssues(parsed.error), parsed.error.issues[0]?.path.join('.') || undefined);
        if (!mayRun(command, operator?.role ?? null))
          return operator
            ? fail('forbidden', `The ${operator.role} role may not run ${command}.`)
            : fail('signed_out', 'Sign in to use the console.');
        try {
          const run = served[command] as (input: unknown, ctx: CallContext) => unknown;
          // Parsing the output too keeps the contract honest: unknown fields are stripped.
          return { ok: true, value: spec.output.parse(await run(parsed.data, ctx)) };
        } catch (error) {
          if (error instanceof PorterError) return fail(error.code, error.message, error.field);
          logError(command as CommandName, error);
          return fail('internal', `${command} failed unexpectedly. The details are in the console's log.`);
        }
      };
      return { dispatch, close: () => (operator = null) };
    },
  };
}
