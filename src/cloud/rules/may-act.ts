import type { Role } from '../../shared/domain';
import type { ConsoleRecord, StaffRecord } from '../store/cloud-store';
import type { MutationKind } from '../../shared/sync';
import { MutationRefused } from './refusal';
import { factKinds } from '../../shared/sync';

const credentialKinds: readonly MutationKind[] = ['credential.granted', 'credential.reissued', 'credential.revoked', 'credential.text_requested', 'credential.expired', 'credential.used'];
const doorKinds: readonly MutationKind[] = ['door.programmed', 'door.lock_assigned', 'door.events_read'];

/** Which kinds each role may push; the kiosk's grants are further held to the guidelines' kioskTypes. */
const kindsByRole: Record<Role, readonly MutationKind[]> = {
  // Leasing asks for vendor access the guidelines keep for admins; an admin decides (never on their own request: apply-approval.ts).
  admin: [...credentialKinds, ...doorKinds, 'community.guidelines_changed', 'approval.decided'],
  leasing: [...credentialKinds, 'approval.requested'],
  maintenance: doorKinds,
  kiosk: credentialKinds,
};

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
  'approval.requested': 'ask for vendor access to be approved',
  'approval.decided': 'approve or decline vendor access',
};

const roleNames: Record<Role, string> = { admin: 'Admin', leasing: 'Leasing', maintenance: 'Maintenance', kiosk: 'Kiosk' };

/**
 * Holds the proven actor (rules/who-acted.ts) to their role as the cloud records it, whatever
 * the console checked or claimed. Answers whether the actor may only act on credentials this
 * console granted (a kiosk). Facts are checked by their own rules, in the console's scope.
 */
export function mayAct(kind: MutationKind, console: ConsoleRecord, staff: StaffRecord | null): { ownGrantsOnly: boolean } {
  if (factKinds.includes(kind)) return { ownGrantsOnly: console.kiosk };
  if (!staff) throw new MutationRefused('forbidden', 'No staff member the cloud knows made this change.');
  if (console.kiosk && staff.role !== 'kiosk')
    throw new MutationRefused('forbidden', `This console is paired as a kiosk, so only the kiosk may act on it, not ${staff.name} (${staff.role}).`);
  if (!kindsByRole[staff.role].includes(kind))
    throw new MutationRefused('forbidden', `${roleNames[staff.role]} staff may not ${doing[kind]}; ${staff.name} needs someone with that role.`);
  return { ownGrantsOnly: staff.role === 'kiosk' || console.kiosk };
}
