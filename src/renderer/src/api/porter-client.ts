import type { CommandInput, CommandName, CommandOutput } from '../../../shared/contract';
import type { ErrorCode } from '../../../shared/errors';

/** A failed command as the renderer sees it: TanStack Query puts it in `error`. */
export class CommandError extends Error {
  readonly code: ErrorCode;
  readonly command: CommandName;
  /** The input field the core named (e.g. 'guest.phone'), so a form can say it there. */
  readonly field: string | undefined;
  constructor(command: CommandName, code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'CommandError';
    this.code = code;
    this.command = command;
    this.field = field;
  }
}

/** Calls a contract command and unwraps its envelope: the value, or a thrown CommandError. */
export async function call<C extends CommandName>(command: C, input: CommandInput<C>): Promise<CommandOutput<C>> {
  const envelope = await window.porter.invoke(command, input);
  if (envelope.ok) return envelope.value;
  throw new CommandError(command, envelope.error.code, envelope.error.message, envelope.error.field);
}
