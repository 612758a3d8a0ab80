import type { Community } from '../../shared/domain';
import type { Db } from '../store/database';

/** What every access action needs: the store, the clock and the community's rules. */
export interface AccessContext {
  db: Db;
  now: () => Date;
  community: () => Community;
}
