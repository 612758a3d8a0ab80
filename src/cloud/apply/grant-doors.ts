import type { DoorRecord, DoorSlot, UnitRecord } from '../store/cloud-store';
import type { GrantPayload } from '../rules/mutation-payloads';
import { clashesOnDoor, drawPin } from '../rules/pin-codes';
import { MutationRefused } from '../rules/refusal';
import { kindPlurals } from '../rules/words';
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
 * consoles chose it apart); then the lowest free slot of the door's lock model.
 */
export async function settleSlots(ctx: ApplyContext, doors: readonly DoorRecord[], asked: readonly DoorSlot[]): Promise<{ doors: DoorSlot[]; moved: boolean }> {
  const settled: DoorSlot[] = [];
  let moved = false;
  for (const [i, door] of doors.entries()) {
    const slot = asked[i]!.slot;
    const limit = door.lockModel.capabilities.slots;
    if (slot <= limit && (await ctx.tx.liveCredentialInSlot(door.id, slot, ctx.now)) === null) {
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

/** The first of these doors where a live credential already holds the code (or, on a keypad without Enter, a prefix of it). */
export async function pinTakenAt(ctx: ApplyContext, doors: readonly DoorRecord[], code: string): Promise<{ door: DoorRecord; holder: string } | null> {
  const exact = await ctx.tx.livePinHolders(code, doors.map((d) => d.id), ctx.now);
  for (const door of doors) {
    const holder = exact.find((h) => h.doorId === door.id);
    if (holder) return { door, holder: holder.credentialId };
    if (door.lockModel.capabilities.hasEnterKey) continue;
    const live = await ctx.tx.livePins(door.id, ctx.now);
    const prefix = live.find((l) => clashesOnDoor(code, [l.pinCode], false));
    if (prefix) return { door, holder: prefix.credentialId };
  }
  return null;
}

/** A new code of the same length, free on every one of the doors and not a trivial one. */
export async function drawFreePin(ctx: ApplyContext, doors: readonly DoorRecord[], length: number): Promise<string> {
  const code = await drawPin(length, async (candidate) => (await pinTakenAt(ctx, doors, candidate)) !== null);
  if (!code) throw new MutationRefused('slots_full', `No unused PIN code could be drawn for ${doors.map((d) => d.name).join(', ')}; their code space is crowded.`);
  return code;
}
