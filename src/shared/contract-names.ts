/**
 * The contract's command and event names, and nothing else: the preload refuses any other name
 * before it reaches main, and with this list instead of contract.ts it bundles no zod and no
 * schema (a sandboxed window loads the whole preload on every start). A command added to the
 * contract is added here too: the types below and tests/shared/contract-names.test.ts say so.
 */
import type { CommandName, EventName } from './contract';

export const contractCommandNames = [
  'session.get',
  'staff.list',
  'staff.signIn',
  'staff.signOut',
  'community.get',
  'community.updateGuidelines',
  'units.list',
  'units.index',
  'units.get',
  'credentials.list',
  'access.preview',
  'access.previewBulk',
  'access.grant',
  'access.bulkGrant',
  'access.stoppedBulkRuns',
  'access.exposure',
  'access.finishBulkRun',
  'access.revoke',
  'access.reschedule',
  'access.resend',
  'access.handOverCode',
  'approvals.list',
  'approvals.request',
  'approvals.approve',
  'approvals.decline',
  'capacity.forGrant',
  'capacity.forBulkGrant',
  'capacity.overview',
  'capacity.setReserved',
  'activity.list',
  'activity.verify',
  'activity.export',
  'hardware.overview',
  'hardware.doors',
  'hardware.program',
  'hardware.resume',
  'hardware.readAudit',
  'hardware.setClock',
  'hardware.assignLock',
  'hardware.readerConfig',
  'hardware.configureReader',
  'hardware.bluetooth',
  'hardware.useDongle',
  'hardware.startBluetoothRound',
  'hardware.stopBluetoothRound',
  'hardware.commissionLock',
  'hardware.liveLocks',
  'hardware.useStick',
  'hardware.includeLock',
  'hardware.answerInclusionPin',
  'hardware.excludeLock',
  'hardware.stopInclusion',
  'hardware.assignLiveLock',
  'sync.status',
  'sync.now',
  'sync.setUp',
  'training.simulate',
  'training.zwave',
] as const satisfies readonly CommandName[];

export const contractEventNames = ['data.changed'] as const satisfies readonly EventName[];

// Every contract name is listed (satisfies above checks that every listed name is one).
type Unlisted<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : Exclude<All, Listed>;
const everyCommandListed: Unlisted<CommandName, (typeof contractCommandNames)[number]> = true;
const everyEventListed: Unlisted<EventName, (typeof contractEventNames)[number]> = true;
void everyCommandListed;
void everyEventListed;

const commandSet: ReadonlySet<string> = new Set(contractCommandNames);
const eventSet: ReadonlySet<string> = new Set(contractEventNames);

export function isContractCommand(name: unknown): name is CommandName {
  return typeof name === 'string' && commandSet.has(name);
}

export function isContractEvent(name: unknown): name is EventName {
  return typeof name === 'string' && eventSet.has(name);
}
