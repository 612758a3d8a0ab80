import type { SlotReservation, StaffMember } from '../../shared/domain';
import { PorterError } from '../../shared/errors';
import { listLockModels } from '../store/community-repo';
import type { Db } from '../store/database';
import { doorsWithGuestsInSlotsFrom, setSlotReservation, slotReservations } from '../store/slot-capacity-repo';
import { runUserAction } from '../store/user-action';

/** Every lock model with the slots it keeps for staff and emergency codes, and who set them. */
export function lockModelReservations(db: Db): SlotReservation[] {
  const set = new Map(slotReservations(db).map((r) => [r.modelId, r]));
  return listLockModels(db).map((m) => {
    const r = set.get(m.id);
    return { modelId: m.id, modelName: m.name, slots: m.capabilities.slots, reserved: r?.reserved ?? 0, changedAt: r?.changedAt ?? null, changedBy: r?.changedBy ?? null };
  });
}

const slotsWord = (n: number): string => `${n.toLocaleString('en-US')} slot${n === 1 ? '' : 's'}`;

/**
 * An admin keeps a lock model's top slots for staff and emergency codes: from now on no guest
 * grant takes them, on any door of the model (door-slots.ts). Guests already in those slots
 * keep them until their credential ends; the audit entry says how many doors that is.
 */
export function setReservedSlots(db: Db, actor: StaffMember, request: { modelId: string; reserved: number }, at: string): SlotReservation[] {
  const model = listLockModels(db).find((m) => m.id === request.modelId);
  if (!model) throw new PorterError('not_found', 'There is no lock model with this id.', 'modelId');
  const slots = model.capabilities.slots;
  if (request.reserved >= slots)
    throw new PorterError('invalid_input', `${model.name} locks hold ${slotsWord(slots)}: keep fewer than that for staff and emergency codes, so guests have at least one.`, 'reserved');
  const before = lockModelReservations(db).find((r) => r.modelId === model.id)?.reserved ?? 0;
  if (before === request.reserved) return lockModelReservations(db);
  runUserAction(db, () => {
    setSlotReservation(db, { modelId: model.id, reserved: request.reserved, changedAt: at, changedBy: actor.name });
    const squatted = request.reserved > 0 ? doorsWithGuestsInSlotsFrom(db, model.id, slots - request.reserved + 1) : 0;
    const note = squatted > 0 ? `; guests already hold some of those slots on ${squatted} door${squatted === 1 ? '' : 's'}, until their credentials end` : '';
    return {
      result: undefined,
      record: {
        audit: {
          at,
          actor: actor.name,
          action: 'capacity.reserved_changed',
          subjectId: model.id,
          summary: `Kept ${slotsWord(request.reserved)} of every ${model.name} lock for staff and emergency codes (was ${before})${note}`,
          details: { modelId: model.id, before, after: request.reserved, doorsWithGuestsInReserved: squatted },
        },
        mutation: null,
      },
    };
  });
  return lockModelReservations(db);
}
