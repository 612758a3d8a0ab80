import { factKinds, type MutationKind, type PushedMutation } from '../../shared/sync';
import { proofHolds } from '../staff/staff-keys';
import type { ChangeActor, CloudTx, ConsoleRecord, StaffRecord } from '../store/cloud-store';
import { MutationRefused } from './refusal';
import { possessive } from '../../shared/rules/words';

/** Who the cloud names for what no staff member decided: a schedule ran out. */
export const porterActor: ChangeActor = { id: 'porter', name: 'Porter (automatic)', role: null };

export { factKinds };

export interface Acting {
  /** Who every console's log names, from the cloud's records. */
  actor: ChangeActor;
  /** The staff member whose rights apply; null for a fact. */
  staff: StaffRecord | null;
}

/**
 * Who made a mutation, as the cloud can prove it, never as the console says:
 * - a fact (a schedule ran out, a door was opened) is no one's decision, whatever actor it
 *   names: Porter, checked later against the cloud's records;
 * - a kiosk console acts as the community's kiosk: its token is its proof (an older console
 *   names the staff member signed in there; it is not read);
 * - Porter itself decides nothing but facts, and only a kiosk console acts as the kiosk;
 * - a staff member signs with the key the cloud gave this console for them at an online sign-in.
 */
export async function whoActed(tx: CloudTx, console: ConsoleRecord, m: PushedMutation, kind: MutationKind): Promise<Acting> {
  if (factKinds.includes(kind)) return { actor: porterActor, staff: null };
  // The community's name, for a refusal only (the transaction reads the community once).
  const communityName = async () => (await tx.community()).name;
  if (console.kiosk) {
    const kiosk = await tx.kioskStaff();
    if (!kiosk) throw new MutationRefused('forbidden', `${await communityName()} has no kiosk on its staff list in the cloud, so a kiosk console cannot act.`);
    return { actor: { id: kiosk.id, name: `${kiosk.name} (${console.name})`, role: kiosk.role }, staff: kiosk };
  }
  if (m.actor.kind === 'system') throw new MutationRefused('forbidden', `Porter makes no ${kind} change on its own; only staff do.`);
  if (m.actor.kind === 'kiosk') throw new MutationRefused('forbidden', 'This console is not paired as a kiosk, so its changes cannot be the kiosk’s.');
  const actorId = m.actor.id;
  if (!m.proof)
    throw new MutationRefused('proof_missing', 'This change carries no proof of who made it. Whoever made it must sign in on this console while the cloud is reachable, then make it again.');
  // The staff member the key must be for, read with the key (one round trip on PostgreSQL).
  const [key, staff] = await Promise.all([tx.staffKey(m.proof.keyId), tx.staffMember(actorId)]);
  const fields = { mutationId: m.mutationId, seq: m.seq, kind: m.kind, payload: m.payload, createdAt: m.createdAt, actorId, consoleId: console.id };
  if (!key || key.consoleId !== console.id || key.staffId !== actorId || !proofHolds(key.secret, fields, m.proof.signature))
    throw new MutationRefused('proof_invalid', 'This change’s proof of who made it does not hold (a key the cloud did not give this console for that person, or a change altered after it was signed); it was not applied.');
  if (!staff) throw new MutationRefused('forbidden', `Whoever made this change is no longer on ${possessive(await communityName())} staff list in the cloud.`);
  return { actor: { id: staff.id, name: staff.name, role: staff.role }, staff };
}
