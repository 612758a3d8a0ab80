import { writeCredential, type NewCredential } from '../../src/main/access/credential-writer';
import { getCommunity } from '../../src/main/store/community-repo';
import type { Db } from '../../src/main/store/database';
import { doorSlotCounts, setSlotReservation } from '../../src/main/store/slot-capacity-repo';
import { runUserAction } from '../../src/main/store/user-action';
import type { StaffMember } from '../../src/shared/domain';

const avery: StaffMember = { id: 'avery', name: 'Avery Brooks', role: 'admin' };
const day = 24 * 3600 * 1000;

/** "2026-03-02T10:00" in UTC: close enough to the community's wall clock for a week-long pass. */
const wallClock = (at: Date): string => at.toISOString().slice(0, 16);

/**
 * A door filled to within `freeGuestSlots` of full, its lock model keeping `reserved` slots for
 * staff, the oldest temporary credential on it `oldestTemporary`'s (granted 40 days ago, before
 * the demo's own history). Written through the store's own code, each grant audited and queued.
 */
export function seedNearFullDoor(db: Db, o: { unitId: string; doorId: string; modelId: string; reserved: number; freeGuestSlots: number; oldestTemporary: string }): void {
  const community = getCommunity(db);
  const now = new Date();
  setSlotReservation(db, { modelId: o.modelId, reserved: o.reserved, changedAt: now.toISOString(), changedBy: avery.name });
  const grant = (at: Date, c: Omit<NewCredential, 'unitId' | 'audience'>) =>
    runUserAction(db, () => {
      const w = writeCredential({ db, now: () => at, community: () => community }, avery, { unitId: o.unitId, audience: 'guest', ...c });
      return {
        result: w.id,
        record: {
          audit: { at: w.at, actor: avery.name, action: 'access.granted', subjectId: w.id, summary: `Granted for ${w.unitLabel} (seeded)`, details: { unitId: o.unitId } },
          mutation: { kind: 'credential.granted', payload: w.payload, actor: avery },
        },
      };
    });
  const long = new Date(now.getTime() - 40 * day);
  grant(long, { kind: 'ble', guest: { name: o.oldestTemporary, phone: '+13125550177', company: null }, schedule: { type: 'temporary', starts: wallClock(long), ends: wallClock(new Date(now.getTime() + 5 * day)) } });
  const model = JSON.parse(db.prepare('SELECT capabilities_json FROM lock_models WHERE id = ?').pluck().get(o.modelId) as string) as { slots: number };
  const guestSlots = model.slots - o.reserved;
  for (let i = 0; guestSlots - doorSlotCounts(db, o.doorId, guestSlots, now.toISOString()).liveInGuestSlots > o.freeGuestSlots; i++)
    grant(new Date(now.getTime() - (10 - (i % 10)) * day), { kind: 'ble', guest: { name: `Resident guest ${i + 1}`, phone: `+1312555${String(2000 + i)}`, company: null }, schedule: { type: 'permanent' } });
}
