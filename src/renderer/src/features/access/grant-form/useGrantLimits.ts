import { useCommunity, useSession } from '../../../api/queries';
import type { GrantLimits } from './grant-options';

/**
 * The community's guidelines, the operator's role and the unit's lock, once loaded: what
 * the grant forms may offer. `lock` null: many units at once, each checked by the core.
 */
export function useGrantLimits(lock: GrantLimits['lock']) {
  const community = useCommunity();
  const session = useSession();
  const limits: GrantLimits | null =
    community.data && session.data
      ? {
          communityName: community.data.name,
          guidelines: community.data.guidelines,
          role: session.data.operator?.role,
          lock,
        }
      : null;
  return { limits, timeZone: community.data?.timeZone ?? null, error: community.error ?? session.error };
}
