import { createHash } from 'node:crypto';
import { Schedule } from '../../shared/domain';
import { compileForLock } from '../access/schedule';
import type { TableEntry } from '../devices/keyprog/credential-table';
import type { DoorSlotRecord } from '../store/door-table-repo';

/**
 * The pass of a Bluetooth credential made before passes were random: derived from its id.
 * Anyone who sees the id (every console, a kiosk included) can compute it, so a new credential
 * gets a random pass of its own (credential-writer.ts); old ones keep this until they end.
 */
export function legacyBlePassOf(credentialId: string): Uint8Array {
  return new Uint8Array(createHash('sha256').update(`porter-ble-pass:${credentialId}`).digest().subarray(0, 16));
}

/** A slot of the console's record as the lock holds it: the Matter user plus the code or pass. */
export function toTableEntry(record: DoorSlotRecord, zone: string): TableEntry {
  const user = compileForLock(Schedule.parse(JSON.parse(record.scheduleJson)), zone);
  if (record.kind === 'ble') {
    const blePass = record.blePass ? new Uint8Array(Buffer.from(record.blePass, 'base64url')) : legacyBlePassOf(record.credentialId);
    return { slot: record.slot, kind: 'ble', user, blePass };
  }
  // Every PIN credential is written with its code (credential-writer.ts); a missing one is a broken store.
  if (!record.pinCode) throw new Error(`PIN credential ${record.credentialId} has no code`);
  return { slot: record.slot, kind: 'pin', user, pin: record.pinCode };
}
