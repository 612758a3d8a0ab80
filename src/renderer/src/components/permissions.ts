import '../api/zod-jitless';
import { commands, type CommandName } from '../../../shared/contract';
import { useSession } from '../api/queries';

/**
 * Whether the operator's role may run a command, from the contract's own role table, so
 * the console hides what the core would refuse. Undefined until the session is known.
 * The core still checks every call; this only spares staff a button that cannot work.
 */
export function useCan(command: CommandName): boolean | undefined {
  const role = useSession().data?.operator.role;
  if (!role) return undefined;
  return (commands[command].roles as readonly string[]).includes(role);
}
