import { z } from 'zod';
import { commands, isCommandName, maxPayloadBytes, type CommandName } from '../../shared/contract';
import type { Envelope } from '../../shared/envelope';
import { PorterError } from '../../shared/errors';
import type { Role } from '../../shared/domain';
import type { Dispatch } from '../core-types';
import type { Handlers } from './handlers-type';

export interface DispatchOptions {
  handlers: Handlers;
  role: () => Role;
  /** Where unexpected errors go; their details never reach the caller. */
  logError: (command: string, error: unknown) => void;
}

function fail(code: PorterError['code'], message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

/** "guest.phone: Phone number is required; unitId: ..." without echoing the values sent. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : 'input'}: ${i.message}`)
    .join('; ');
}

function payloadSize(input: unknown): number {
  try {
    return JSON.stringify(input ?? null).length;
  } catch {
    return Infinity;
  }
}

/**
 * The one path every contract call takes, whatever carried it: name check, size cap,
 * schema parse, role check, run, and an envelope. The carrier has already checked the sender.
 */
export function createDispatch({ handlers, role, logError }: DispatchOptions): Dispatch {
  return async (command, input) => {
    if (!isCommandName(command))
      return fail('unknown_command', `Unknown command: ${typeof command === 'string' ? command.slice(0, 64) : `a ${typeof command}`}`);
    if (payloadSize(input) > maxPayloadBytes)
      return fail('payload_too_large', `The ${command} payload is over ${maxPayloadBytes / 1024} KiB.`);
    const spec = commands[command];
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) return fail('invalid_input', describeIssues(parsed.error));
    const allowed = spec.roles as readonly Role[];
    if (!allowed.includes(role())) return fail('forbidden', `The ${role()} role may not run ${command}.`);
    try {
      const run = handlers[command] as (input: unknown) => unknown;
      // Parsing the output too keeps the contract honest: unknown fields are stripped.
      return { ok: true, value: spec.output.parse(await run(parsed.data)) };
    } catch (error) {
      if (error instanceof PorterError) return fail(error.code, error.message);
      logError(command as CommandName, error);
      return fail('internal', `${command} failed unexpectedly. The details are in the console's log.`);
    }
  };
}
