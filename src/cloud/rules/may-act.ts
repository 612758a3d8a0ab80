import type { Role } from '../../shared/domain';
import type { ConsoleRecord, StaffRecord } from '../store/cloud-store';
import type { MutationKind } from './mutation-payloads';
import { MutationRefused } from './refusal';
import { possessive } from './words';

const credentialKinds: readonly MutationKind[] = ['credential.granted', 'credential.reissued', 'credential.revoked', 'credential.text_requested', 'credential.expired', 'credential.used'];
const doorKinds: readonly MutationKind[] = ['door.programmed', 'door.lock_assigned', 'door.events_read'];

/** Which kinds each role may push; the kiosk's grants are further held to the guidelines' kioskTypes. */
const kindsByRole: Record<Role, readonly MutationKind[]> = {
  admin: [...credentialKinds, ...doorKinds, 'community.guidelines_changed'],
  leasing: credentialKinds,
  maintenance: doorKinds,
  kiosk: credentialKinds,
};

/**
 * Facts the console or a door reports on its own (a schedule ran out, a delivery code was
 * used at the door): no staff member decided them, so the actor is not checked, only the
 * console's scope (a kiosk console reports them for its own grants).
 */
const reportedFacts: readonly MutationKind[] = ['credential.expired', 'credential.used'];

const doing: Record<MutationKind, string> = {
  'credential.granted': 'grant access',
  'credential.reissued': 'set new dates on access',
  'credential.revoked': 'revoke access',
  'credential.text_requested': 'text a guest again',
  'credential.expired': 'end access',
  'credential.used': 'end access',
  'community.guidelines_changed': 'change the community’s guidelines',
  'door.programmed': 'program doors',
  'door.lock_assigned': 'assign locks to doors',
  'door.events_read': 'read doors’ audit trails',
};

const roleNames: Record<Role, string> = { admin: 'Admin', leasing: 'Leasing', maintenance: 'Maintenance', kiosk: 'Kiosk' };

export interface ActorCheck {
  console: ConsoleRecord;
  actor: { id: string; name: string; role: Role | null };
  /** The staff member with the actor's id in the cloud's community, if any. */
  staff: StaffRecord | null;
  communityName: string;
}

/**
 * Checks the actor again on the cloud's side, whatever the console already checked.
 * Answers whether the actor may only act on credentials this console granted (a kiosk).
 */
export function mayAct(kind: MutationKind, check: ActorCheck): { ownGrantsOnly: boolean } {
  const { console, actor, staff } = check;
  if (reportedFacts.includes(kind)) return { ownGrantsOnly: console.kiosk || actor.role === 'kiosk' };
  if (!staff) throw new MutationRefused('forbidden', `${actor.name} is not on ${possessive(check.communityName)} staff list in the cloud.`);
  if (actor.role !== staff.role)
    throw new MutationRefused('forbidden', `${staff.name} is ${staff.role} staff in the cloud, not ${actor.role ?? 'no role'}; sign in again and retry.`);
  if (console.kiosk && staff.role !== 'kiosk')
    throw new MutationRefused('forbidden', `This console is paired as a kiosk, so only the kiosk may act on it, not ${staff.name} (${staff.role}).`);
  if (!kindsByRole[staff.role].includes(kind))
    throw new MutationRefused('forbidden', `${roleNames[staff.role]} staff may not ${doing[kind]}; ${staff.name} needs someone with that role.`);
  return { ownGrantsOnly: staff.role === 'kiosk' || console.kiosk };
}
