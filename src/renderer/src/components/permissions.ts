import type { CommandName } from '../../../shared/contract';
import { mayRun } from '../../../shared/contract-roles';
import { credentialScope } from '../../../shared/credential-scope';
import { useSession } from '../api/queries';

/**
 * Whether the operator's role may run a command, from the contract's own role table
 * (`mayRun`), so the console hides what the core would refuse. Undefined until the session
 * is known; with nobody signed in, only what 'anyone' may run.
 * The core still checks every call; this only spares staff a button that cannot work.
 */
export function useCan(command: CommandName): boolean | undefined {
  const session = useSession().data;
  if (!session) return undefined;
  return mayRun(command, session.operator?.role ?? null);
}

/**
 * Whether the operator's search finds units by guests' names and phones, as the core answers it
 * (src/shared/credential-scope.ts): not maintenance, which finds units by number and building.
 */
export function useSearchesGuests(): boolean {
  const role = useSession().data?.operator?.role;
  return role === undefined || credentialScope(role) !== 'no-phones';
}
