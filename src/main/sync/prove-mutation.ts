import { factKinds, isMutationKind } from '../../shared/sync';
import type { SecretStore } from '../secrets/secret-store';
import type { OutboxRow } from '../store/outbox-relay-repo';
import { readStaffKey, signMutation, type StaffKey } from './staff-keys';

/** What a mutation goes to the cloud with: a proof, none (the cloud needs none, or none can be made), or it waits. */
export type Proving = { proof: { keyId: string; signature: string } | null } | { waitsFor: { id: string; name: string } };


export interface ProverDeps {
  secrets: SecretStore;
  consoleId: string;
  /** A kiosk console's token is its proof. */
  kiosk: boolean;
  /** Whether this staff member can still sign in here (an active staff row). */
  canSignIn: (staffId: string) => boolean;
}

/**
 * Proves each outbox row at relay time with its actor's key (src/main/sync/staff-keys.ts).
 * A row whose actor has no key here (they only ever signed in offline on this console)
 * waits for them to sign in while the cloud is reachable, and the rows after it wait too,
 * since the cloud takes a console's changes in order. A row nobody can ever prove (its
 * actor left the staff list, or it has no canonical form) goes without a proof: the cloud
 * refuses it with its reason, and the queue moves on. Keys are read once per round.
 */
export function createProver(deps: ProverDeps): (row: OutboxRow) => Promise<Proving> {
  const keys = new Map<string, StaffKey | null>();
  const keyOf = async (staffId: string): Promise<StaffKey | null> => {
    if (!keys.has(staffId)) keys.set(staffId, await readStaffKey(deps.secrets, deps.consoleId, staffId));
    return keys.get(staffId)!;
  };
  return async (row) => {
    const actor = row.actor;
    // Facts are taken by their kind, Porter proves nothing, a kiosk console's token is its proof.
    if (deps.kiosk || (isMutationKind(row.kind) && factKinds.includes(row.kind)) || actor.kind === 'system') return { proof: null };
    const key = await keyOf(actor.staffId);
    if (!key) return deps.canSignIn(actor.staffId) ? { waitsFor: { id: actor.staffId, name: actor.name } } : { proof: null };
    try {
      const fields = { mutationId: row.mutationId, seq: row.seq, kind: row.kind, payload: row.payload, createdAt: row.createdAt, actorId: actor.staffId, consoleId: deps.consoleId };
      return { proof: signMutation(key, fields) };
    } catch {
      return { proof: null };
    }
  };
}
