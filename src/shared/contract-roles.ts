/**
 * Who may run each contract command: the core's role check (src/main/ipc/dispatch.ts) and the
 * renderer's, which hides what the core would refuse. Apart from contract.ts and free of zod,
 * so the renderer's first paint (its sections, the buttons a role is offered) parses no schema
 * library. The table names every command exactly once: a command added to the contract does
 * not compile until it is given its roles here.
 */
import type { CommandName } from './contract';
import type { Role } from './domain';

/** 'anyone' includes a window where nobody has signed in yet. */
export type CommandAudience = Role | 'anyone';

const anyone: readonly CommandAudience[] = ['anyone'];
const staff: readonly CommandAudience[] = ['admin', 'leasing', 'maintenance', 'kiosk'];
const granting: readonly CommandAudience[] = ['admin', 'leasing', 'kiosk'];
const office: readonly CommandAudience[] = ['admin', 'leasing'];
const technicians: readonly CommandAudience[] = ['admin', 'maintenance'];
/** Who sees which doors still hold ended credentials (and doors near full): the office and its technicians, never a kiosk. */
const exposureViewers: readonly CommandAudience[] = ['admin', 'leasing', 'maintenance'];

export const commandRoles = {
  'session.get': anyone,
  'staff.list': anyone,
  'staff.signIn': anyone,
  'staff.signOut': staff,
  'community.get': staff,
  'community.updateGuidelines': ['admin'],
  'units.list': staff,
  /** The same units 'units.list' shows every role, without guests: the same audience. */
  'units.index': staff,
  'units.get': staff,
  'credentials.list': granting,
  'access.preview': granting,
  'access.previewBulk': office,
  'access.grant': granting,
  'access.bulkGrant': office,
  'access.stoppedBulkRuns': office,
  'access.finishBulkRun': office,
  'access.exposure': exposureViewers,
  'access.revoke': granting,
  'access.reschedule': granting,
  'access.resend': granting,
  'access.handOverCode': office,
  'approvals.list': office,
  'approvals.request': ['leasing'],
  'approvals.approve': ['admin'],
  'approvals.decline': ['admin'],
  'capacity.forGrant': granting,
  'capacity.forBulkGrant': office,
  'capacity.overview': exposureViewers,
  'capacity.setReserved': ['admin'],
  'activity.list': office,
  'activity.verify': office,
  'activity.export': office,
  'hardware.overview': technicians,
  'hardware.doors': technicians,
  'hardware.program': technicians,
  'hardware.resume': technicians,
  'hardware.readAudit': technicians,
  'hardware.setClock': technicians,
  'hardware.assignLock': technicians,
  'hardware.readerConfig': technicians,
  'hardware.configureReader': technicians,
  'hardware.bluetooth': technicians,
  'hardware.useDongle': technicians,
  'hardware.startBluetoothRound': technicians,
  'hardware.stopBluetoothRound': technicians,
  'hardware.commissionLock': technicians,
  'hardware.liveLocks': technicians,
  'hardware.useStick': technicians,
  'hardware.includeLock': technicians,
  'hardware.answerInclusionPin': technicians,
  'hardware.excludeLock': technicians,
  'hardware.stopInclusion': technicians,
  'hardware.assignLiveLock': technicians,
  'sync.status': staff,
  'sync.now': staff,
  'sync.setUp': ['admin'],
  'training.simulate': technicians,
  'training.zwave': technicians,
} as const satisfies Record<CommandName, readonly CommandAudience[]>;

/** May this role (null: nobody signed in) run this command? The renderer hides what it may not. */
export function mayRun(command: CommandName, role: Role | null): boolean {
  const roles: readonly CommandAudience[] = commandRoles[command];
  return roles.includes('anyone') || (role !== null && roles.includes(role));
}
