import type { CommandName, CommandOutput, ParsedInput, TrainingCommandName } from '../../shared/contract';
import type { StaffMember } from '../../shared/domain';

/** What a handler knows of the window that called it. */
export interface CallContext {
  /** Signed in: dispatch has already checked the role allows this command. */
  operator: StaffMember | null;
  kiosk: boolean;
  /** Where the calls come from (a window, a browser tab's address), stable across restarts: passcode guessing is slowed per source. */
  source: string;
  signIn(member: StaffMember): void;
  signOut(): void;
}

/** The operator of a command whose roles exclude 'anyone': dispatch guarantees one. */
export function actorOf(ctx: CallContext): StaffMember {
  if (!ctx.operator) throw new Error('A staff command ran without a signed-in operator.');
  return ctx.operator;
}

type Handler<C extends CommandName> = (input: ParsedInput<C>, ctx: CallContext) => CommandOutput<C> | Promise<CommandOutput<C>>;

/** One handler per contract command outside the training section: a command without a handler does not compile. */
export type Handlers = { [C in Exclude<CommandName, TrainingCommandName>]: Handler<C> };

/** The training section's handlers, which only a training core has. */
export type TrainingHandlers = { [C in TrainingCommandName]: Handler<C> };
