import type { CommandInput, CommandName } from '../../../src/shared/contract';
import { comboUnit, jane } from '../../helpers/test-console';

/** One valid input per command: the starting point every malformed variant is made from. */
export const validInputs: { [C in CommandName]: CommandInput<C> } = {
  'session.get': {},
  'staff.list': {},
  'staff.signIn': { staffId: 'jordan', passcode: '2468' },
  'staff.signOut': {},
  'community.get': {},
  'community.updateGuidelines': {
    allowedTypes: { pin: ['permanent', 'temporary'], ble: ['permanent'] },
    maxTemporaryDays: 14,
    deliveryWindowMinutes: 90,
    deliveryOpens: 'common_only',
    vendorNeedsManagerApproval: false,
    kioskTypes: ['temporary'],
    amenityDoorIds: ['pool'],
  },
  'units.list': { search: '204', buildingId: 'north', floor: 2, doorStatus: 'pending', sort: { column: 'unit', direction: 'asc' }, offset: 0, limit: 50 },
  'units.index': {},
  'units.get': { unitId: comboUnit },
  'credentials.list': { search: 'Doe', unitId: comboUnit, status: 'active', type: 'temporary', offset: 0, limit: 20 },
  'access.preview': { unitId: comboUnit, kind: 'pin', schedule: { type: 'recurring', days: ['mon', 'fri'], from: '11:00', until: '13:00' } },
  'access.previewBulk': { target: { scope: 'floor', buildingId: 'north', floor: 3 }, kind: 'pin', schedule: { type: 'temporary', starts: '2030-01-01T09:00', ends: '2030-01-02T17:00' } },
  'access.grant': {
    unitId: comboUnit,
    kind: 'pin',
    audience: 'vendor',
    guest: { ...jane, company: 'Acme' },
    schedule: { type: 'recurring', days: ['mon', 'fri'], from: '11:00', until: '13:00', startsOn: '2030-01-01', endsOn: '2030-06-30' },
  },
  'capacity.forGrant': { unitId: comboUnit, kind: 'pin', schedule: { type: 'permanent' } },
  'capacity.forBulkGrant': { target: { scope: 'floor', buildingId: 'north', floor: 3 }, kind: 'pin', schedule: { type: 'permanent' } },
  'capacity.overview': { limit: 5 },
  'capacity.setReserved': { modelId: 'arden-kp200', reserved: 2 },
  'access.bulkGrant': {
    target: { scope: 'floor', buildingId: 'north', floor: 3 },
    kind: 'pin',
    audience: 'vendor',
    guest: { ...jane, company: 'Acme' },
    schedule: { type: 'temporary', starts: '2030-01-01T09:00', ends: '2030-01-02T17:00' },
  },
  'access.stoppedBulkRuns': {},
  'access.exposure': {},
  'access.finishBulkRun': { runId: 'bulk_missing' },
  'access.revoke': { credentialId: 'cred_missing', reason: 'Moved out' },
  'access.reschedule': { credentialId: 'cred_missing', schedule: { type: 'delivery', starts: '2030-01-01T09:00' } },
  'access.resend': { credentialId: 'cred_missing' },
  'access.handOverCode': { credentialId: 'cred_missing', how: 'shown' },
  'approvals.list': {},
  'approvals.request': {
    scope: 'unit',
    grant: { unitId: comboUnit, kind: 'pin', audience: 'vendor', guest: { ...jane, company: 'Acme' }, schedule: { type: 'temporary', starts: '2030-01-01T09:00', ends: '2030-01-02T17:00' } },
    reason: 'Annual smoke detector check',
  },
  'approvals.approve': { approvalId: 'approval_missing' },
  'approvals.decline': { approvalId: 'approval_missing', reason: 'Not this week' },
  'activity.list': { limit: 10, beforeSeq: 5, action: 'access.granted', actor: 'Avery', unitId: comboUnit, search: 'Doe' },
  'activity.verify': {},
  'activity.export': { action: 'access.revoked', actor: 'Jordan', unitId: comboUnit, search: 'gate' },
  'hardware.overview': {},
  'sync.status': {},
  'sync.now': {},
  'sync.setUp': { url: 'https://cloud.example', pairingCode: 'ABCD-1234', name: 'Front desk', kiosk: false },
  'hardware.doors': { search: 'gate', modelId: 'kestrel-pr1', limit: 20 },
  'hardware.program': { programmerId: 'sim-hid:SIM-KP-0001:1' },
  'hardware.resume': { programmerId: 'sim-hid:SIM-KP-0001:1' },
  'hardware.readAudit': { programmerId: 'sim-hid:SIM-KP-0001:1' },
  'hardware.setClock': { programmerId: 'sim-hid:SIM-KP-0001:1' },
  'hardware.assignLock': { programmerId: 'sim-hid:SIM-KP-0001:1', doorId: 'north-entrance' },
  'hardware.readerConfig': { programmerId: 'sim-hid:SIM-KP-0001:1' },
  'hardware.configureReader': {
    programmerId: 'sim-hid:SIM-KP-0001:1',
    config: { osdpAddress: 3, cardFormats: ['wiegand_26'], led: 'on_idle', buzzerOnGrant: true, buzzerOnDeny: false, unlockedHours: [{ days: ['mon'], from: '08:00', until: '18:00' }] },
  },
  'training.simulate': { action: 'attach', programmerId: 'sim-hid:SIM-KP-0001:1', doorId: 'north-entrance' },
  'training.zwave': {},
  'hardware.bluetooth': {},
  'hardware.useDongle': { dongleId: 'uart:/dev/ttyACM0' },
  'hardware.startBluetoothRound': {},
  'hardware.stopBluetoothRound': {},
  'hardware.commissionLock': { lockId: 'ble:0123456789abcdef', doorId: 'south-204-door', setupCode: '12345678' },
  'hardware.liveLocks': {},
  'hardware.useStick': { path: '/dev/serial/by-id/usb-Silicon_Labs_Zooz_ZST10_700-if00-port0' },
  'hardware.includeLock': {},
  'hardware.answerInclusionPin': { pin: '12345' },
  'hardware.excludeLock': {},
  'hardware.stopInclusion': {},
  'hardware.assignLiveLock': { nodeId: 5, doorId: 'south-204-door' },
};

type Path = (string | number)[];

/** Every leaf of a sample with its path, to make one bad variant per field. */
export function leaves(value: unknown, path: Path = []): { path: Path; value: unknown }[] {
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [{ path, value }];
}

export function withValueAt(sample: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(sample) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return copy;
}
