import { createHash } from 'node:crypto';
import { Schedule } from '../../shared/domain';
import { compileForLock } from '../access/schedule';
import type { TableEntry } from '../devices/keyprog/credential-table';
import type { DoorSlotRecord } from '../store/door-table-repo';

/**
 * The 16-byte pass a Bluetooth credential presents to a lock. Derived from the credential's
 * id, so the console and the guest's app (which receives the id through the cloud) agree
 * without a second secret in the store.
 */
export function blePassOf(credentialId: string): Uint8Array {
  return new Uint8Array(createHash('sha256').update(`porter-ble-pass:${credentialId}`).digest().subarray(0, 16));
}

/** A slot of the console's record as the lock holds it: the Matter user plus the code or pass. */
export function toTableEntry(record: DoorSlotRecord, zone: string): TableEntry {
  const user = compileForLock(Schedule.parse(JSON.parse(record.scheduleJson)), zone);
  if (record.kind === 'ble') return { slot: record.slot, kind: 'ble', user, blePass: blePassOf(record.credentialId) };
  // Every PIN credential is written with its code (credential-writer.ts); a missing one is a broken store.
  if (!record.pinCode) throw new Error(`PIN credential ${record.credentialId} has no code`);
  return { slot: record.slot, kind: 'pin', user, pin: record.pinCode };
}
