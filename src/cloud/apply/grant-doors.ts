import type { DoorRecord, DoorSlot, UnitRecord } from '../store/cloud-store';
import type { GrantPayload } from '../../shared/sync';
import { drawFreeCode, pinSpace } from '../rules/pin-codes';
import { MutationRefused } from '../rules/refusal';
import { kindPlurals, possessive } from '../../shared/rules/words';
import type { ApplyContext } from './apply-context';

/** The grant's doors as the cloud knows them, in the grant's order, each able to hold it. */
export async function grantDoors(ctx: ApplyContext, grant: GrantPayload, unit: UnitRecord): Promise<DoorRecord[]> {
  const known = new Map((await ctx.tx.doors(grant.doors.map((d) => d.doorId))).map((d) => [d.id, d]));
  return grant.doors.map(({ doorId }) => {
    const door = known.get(doorId);
    if (!door) throw new MutationRefused('not_found', `${ctx.community.name} has no door ${doorId} in the cloud.`);
    if (door.kind === 'unit' && door.unitId !== unit.id)
      throw new MutationRefused('invalid_payload', `${door.name} is another unit’s door, not ${unit.buildingName} ${unit.number}’s.`);
    const caps = door.lockModel.capabilities;
    if (!caps.credentialKinds.includes(grant.kind))
      throw new MutationRefused('not_allowed', `${door.name} has a ${door.lockModel.name} lock, which cannot hold ${kindPlurals[grant.kind]}.`);
    const length = grant.pinCode?.length;
    if (length !== undefined && caps.pinLength && (length < caps.pinLength.min || length > caps.pinLength.max))
      throw new MutationRefused('invalid_payload', `${door.name} takes PIN codes of ${caps.pinLength.min} to ${caps.pinLength.max} digits, not ${length}.`);
    return door;
  });
}

/**
 * Keeps each slot the console chose unless another live credential holds it there (two
 * consoles chose it apart); then the lowest free slot of the door's lock model. `heldAlready`:
 * which of the asked slots are held, when the caller looked them up in this transaction.
 */
export async function settleSlots(ctx: ApplyContext, doors: readonly DoorRecord[], asked: readonly DoorSlot[], heldAlready?: readonly DoorSlot[]): Promise<{ doors: DoorSlot[]; moved: boolean }> {
  const settled: DoorSlot[] = [];
  let moved = false;
  // Every slot asked for in one look (unless the caller looked already): a unit's grant names half a dozen doors.
  const wanted = doors.map((door, i) => ({ doorId: door.id, slot: asked[i]!.slot }));
  const held = new Set((heldAlready ?? (await ctx.tx.heldSlots(wanted, ctx.now))).map((h) => `${h.doorId}\n${h.slot}`));
  for (const [i, door] of doors.entries()) {
    const slot = asked[i]!.slot;
    const limit = door.lockModel.capabilities.slots;
    if (slot <= limit && !held.has(`${door.id}\n${slot}`)) {
      settled.push({ doorId: door.id, slot });
      continue;
    }
    const used = new Set(await ctx.tx.liveSlots(door.id, ctx.now));
    let free = 1;
    while (free <= limit && used.has(free)) free++;
    if (free > limit)
      throw new MutationRefused('slots_full', `${door.name} has no free credential slot (all ${limit} are in use). Revoke a credential on it first.`);
    settled.push({ doorId: door.id, slot: free });
    moved = true;
  }
  return { doors: settled, moved };
}

/**
 * A code of `length` digits the cloud chooses: live nowhere in the community and leased to no
 * console (prefixes included where a keypad without Enter could hold both), not trivial.
 */
export async function drawFreePin(ctx: ApplyContext, length: number): Promise<string> {
  const code = await drawFreeCode(ctx.tx, pinSpace(await ctx.tx.doorLockModels()), length, ctx.now);
  if (!code) throw new MutationRefused('slots_full', `No unused PIN code of ${length} digits could be drawn; ${possessive(ctx.community.name)} code space is crowded.`);
  return code;
}
