import fs from 'node:fs';
import type { ScheduleRequest } from '../../shared/domain';
import { grantGuestAccess } from '../access/grant-guest-access';
import { CommunityFile } from '../../shared/community-file';
import { importCommunity } from '../store/community-import';
import { getCommunity } from '../store/community-repo';
import type { Db } from '../store/database';
import { markEveryDoorProgrammed } from '../store/demo-seed-repo';
import { resourcePath } from '../resources-path';
import { demoGuest } from './demo-guests';
import { assignDemoSerials } from '../store/demo-serials-repo';
import { demoSchedule } from './demo-schedules';

const demoOperator = { id: 'demo-data', name: 'Demo data', role: 'admin' as const };

/**
 * Loads resources/demo/community.json and gives it a lived-in state: credentials of every
 * type on many units, doors programmed on the last round, and a few changes still pending.
 */
export function loadDemoCommunity(db: Db, now: () => Date): void {
  const file = CommunityFile.parse(JSON.parse(fs.readFileSync(resourcePath('demo', 'community.json'), 'utf8')));
  // The demo's history is spread over the last month so times and "pending since" read true.
  const hoursAgo = (h: number): Date => new Date(now().getTime() - h * 3_600_000);
  let clock = hoursAgo(24 * 30);
  importCommunity(db, file, clock.toISOString(), demoOperator.name);
  const community = getCommunity(db);
  const ctx = { db, now: () => clock, community: () => community };
  const units = file.buildings.flatMap((b) => b.floors.flatMap((f) => f.units));
  const models = new Map(file.lockModels.map((m) => [m.id, m.capabilities]));

  const grantTo = (unitIndex: number, guestIndex: number): void => {
    const unit = units[unitIndex]!;
    const caps = models.get(unit.lockModelId)!;
    const kind = caps.credentialKinds[guestIndex % caps.credentialKinds.length]!;
    const schedule: ScheduleRequest = demoSchedule(guestIndex, kind, caps.scheduleKinds, community.timeZone, clock);
    const guest = demoGuest(guestIndex);
    grantGuestAccess(ctx, demoOperator, { unitId: unit.id, kind, audience: guest.company ? 'vendor' : 'guest', guest, schedule });
  };

  let guest = 0;
  units.forEach((_, i) => {
    clock = hoursAgo(24 * 29 - i);
    if (i % 5 < 2) grantTo(i, guest++);
    if (i % 11 === 0) grantTo(i, guest++);
  });
  // The last programming round, yesterday, reached every door (each lock known by its serial)...
  markEveryDoorProgrammed(db, hoursAgo(24).toISOString());
  assignDemoSerials(db);
  // ...and a few grants made since are still waiting at their doors.
  for (let i = 3, h = 20; i < units.length; i += 41, h -= 2) {
    clock = hoursAgo(h);
    grantTo(i, guest++);
  }
}
