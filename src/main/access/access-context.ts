import type { Community } from '../../shared/domain';
import type { Db } from '../store/database';
import type { Operator } from '../core-types';

/** What every access action needs: the store, the clock, who acts, and the community's rules. */
export interface AccessContext {
  db: Db;
  now: () => Date;
  operator: Operator;
  community: () => Community;
}
