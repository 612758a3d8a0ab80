import type { StaffMember } from '../../shared/domain';
import type { Db } from './database';

/** The community's kiosk staff member a kiosk console runs as (the first by name), if it has one. */
export function kioskStaffMember(db: Db): StaffMember | null {
  return db.prepare<[], StaffMember>("SELECT id, name, role FROM staff WHERE role = 'kiosk' ORDER BY name LIMIT 1").get() ?? null;
}
