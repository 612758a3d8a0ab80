import type { CredentialKind, Schedule } from '../../shared/domain';
import type { ChangeActor, UnitRecord } from '../store/cloud-store';
import { possessive, typeNames } from '../../shared/rules/words';

/*
 * The audit line every console shows for a change (`audit` in the change feed), one
 * composer per kind, from the cloud's own records only: staff names as the cloud has them,
 * unit and door names from its community, guest names as stored with the credential. A
 * console's own words (its audit summary, the actor name it sends) never reach another
 * console's log. The action names are the consoles' own audit actions.
 */

export interface Sentence {
  action: string;
  summary: string;
}

/** What a sentence says about a credential. */
export interface CredentialWords {
  guestName: string;
  kind: CredentialKind;
  schedule: Schedule;
}

const kindNames: Record<CredentialKind, string> = { pin: 'PIN code', ble: 'Bluetooth pass' };
const what = (c: CredentialWords) => `${typeNames[c.schedule.type]} ${kindNames[c.kind]}`;
const doorCount = (n: number) => `${n} door${n === 1 ? '' : 's'}`;

export const unitLabel = (unit: Pick<UnitRecord, 'buildingName' | 'number'> | null, unitId: string): string => (unit ? `${unit.buildingName} ${unit.number}` : unitId);

export const sentences = {
  'credential.granted': (actor: ChangeActor, c: CredentialWords, unit: string, doors: number): Sentence => ({
    action: 'access.granted',
    summary: `${actor.name} granted ${c.guestName} a ${what(c)} for ${unit}, opening ${doorCount(doors)}`,
  }),
  'credential.reissued': (actor: ChangeActor, c: CredentialWords, unit: string, doors: number): Sentence => ({
    action: 'access.rescheduled',
    summary: `${actor.name} gave ${c.guestName} new dates for ${unit}: a ${what(c)}, opening ${doorCount(doors)}`,
  }),
  'credential.revoked': (actor: ChangeActor, c: CredentialWords, unit: string): Sentence => ({
    action: 'access.revoked',
    summary: `${actor.name} revoked ${possessive(c.guestName)} ${what(c)} for ${unit}`,
  }),
  'credential.text_requested': (actor: ChangeActor, c: CredentialWords, unit: string): Sentence => ({
    action: 'access.resent',
    summary: `${actor.name} had ${c.guestName} texted again about ${unit}`,
  }),
  'credential.expired': (c: CredentialWords, unit: string): Sentence => ({
    action: 'access.expired',
    summary: `${possessive(c.guestName)} ${what(c)} for ${unit} expired`,
  }),
  'credential.used': (c: CredentialWords, unit: string, doorName: string): Sentence => ({
    action: 'access.used',
    summary: `${possessive(c.guestName)} ${what(c)} for ${unit} was used at ${doorName}`,
  }),
  'community.guidelines_changed': (actor: ChangeActor, communityName: string): Sentence => ({
    action: 'community.guidelines_changed',
    summary: `${actor.name} changed ${possessive(communityName)} guidelines`,
  }),
  'approval.requested': (actor: ChangeActor, asked: { guestName: string; company: string | null; kind: CredentialKind; type: Schedule['type'] }, where: string): Sentence => ({
    action: 'access.approval_requested',
    summary: `${actor.name} asked an admin to approve a ${typeNames[asked.type]} ${kindNames[asked.kind]} for ${asked.guestName}${asked.company ? ` of ${asked.company}` : ''} on ${where}`,
  }),
  'approval.decided': (actor: ChangeActor, decision: 'approved' | 'declined', guestName: string, requester: string, declineReason: string | null): Sentence => ({
    action: decision === 'approved' ? 'access.approval_approved' : 'access.approval_declined',
    summary:
      decision === 'approved'
        ? `${actor.name} approved ${possessive(requester)} request for ${possessive(guestName)} vendor access`
        : `${actor.name} declined ${possessive(requester)} request for ${possessive(guestName)} vendor access. Reason: ${declineReason ?? 'none given'}`,
  }),
  'door.programmed': (actor: ChangeActor, doorName: string): Sentence => ({ action: 'door.programmed', summary: `${actor.name} programmed ${doorName}` }),
  'door.lock_assigned': (actor: ChangeActor, doorName: string): Sentence => ({ action: 'door.lock_assigned', summary: `${actor.name} assigned a lock to ${doorName}` }),
  'door.events_read': (actor: ChangeActor, doorName: string, records: number): Sentence => ({
    action: 'door.event',
    summary: `${actor.name} read ${records} record${records === 1 ? '' : 's'} from ${doorName}`,
  }),
};
