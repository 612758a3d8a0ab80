import type { CommandName, CommandOutput, ParsedInput } from '../../shared/contract';

/** One handler per contract command: a command without a handler does not compile. */
export type Handlers = {
  [C in CommandName]: (input: ParsedInput<C>) => CommandOutput<C> | Promise<CommandOutput<C>>;
};
