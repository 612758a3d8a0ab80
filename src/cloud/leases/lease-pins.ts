import type { PinLease } from '../../shared/sync';
import { drawFreeCode, pinSpace } from '../rules/pin-codes';
import type { CloudStore, ConsoleRecord } from '../store/cloud-store';

/**
 * Codes a console holds of each length, unless that is more than a hundredth of the length's
 * code space (4 digits: 100 codes). Sized for a kiosk offline through a busy week: see
 * docs/ARCHITECTURE.md, "Code leases", and `npm run bench -- --lease`.
 */
export const defaultPinLeaseSize = 2_000;

/** A lease lives this long after the console's last top-up; a console gone longer gives its codes back. */
export const pinLeaseDays = 30;


export function leaseSizeFor(length: number, size: number): number {
  return Math.min(size, Math.floor(10 ** length / 100));
}

/**
 * POST /v1/pin-leases: keeps the codes of its lease the console still holds (`held`: unused,
 * or in a grant it has not pushed yet), gives the others back, renews the lease and tops each
 * length up to its size with codes live nowhere and leased to no one. Answers the whole lease.
 */
export function leasePins(store: CloudStore, console: ConsoleRecord, held: readonly string[], now: Date, size = defaultPinLeaseSize): Promise<PinLease> {
  return store.forCommunity(console.communityId).transaction(async (tx) => {
    const at = now.toISOString();
    const expiresAt = new Date(now.getTime() + pinLeaseDays * 86_400_000).toISOString();
    await tx.renewLease(console.id, held, expiresAt, at);
    const space = pinSpace(await tx.doorLockModels());
    const have = await tx.leasedPins(console.id, at);
    const lengths: PinLease['lengths'] = [];
    for (const length of space.lengths) {
      const target = leaseSizeFor(length, size);
      const codes = have.filter((p) => p.code.length === length).map((p) => p.code);
      while (codes.length < target) {
        const code = await drawFreeCode(tx, space, length, at);
        if (code === null) break; // crowded: the console gets what there is and asks again later
        await tx.leasePin(console.id, code, at, expiresAt);
        codes.push(code);
      }
      lengths.push({ length, size: target, codes });
    }
    return { expiresAt, lengths };
  });
}
