import type { StaffMember } from '../../shared/domain';
import type { Db } from './database';
import { statement } from './statement';

const active = statement<[], StaffMember>('SELECT id, name, role FROM staff WHERE active = 1 ORDER BY name');

/** Staff who may sign in on this console, by name. */
export function listActiveStaff(db: Db): StaffMember[] {
  return active(db).all();
}
