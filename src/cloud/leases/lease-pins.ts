import type { PinLease } from '../../shared/sync';
import { drawFreeCodes, pinSpace } from '../rules/pin-codes';
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
      // Drawn and leased in bulk: a lease of 2,000 codes is a few statements, not 4,000 (the community's writers wait meanwhile).
      const drawn = await drawFreeCodes(tx, space, length, target - codes.length, at);
      // Crowded: the console gets what there is and asks again later.
      await tx.leasePins(console.id, drawn, at, expiresAt);
      codes.push(...drawn);
      lengths.push({ length, size: target, codes });
    }
    return { expiresAt, lengths };
  });
}
