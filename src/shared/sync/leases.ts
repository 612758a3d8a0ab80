import { z } from 'zod';
import { PinCode } from './mutation-payloads';

/* Code leases (POST /v1/pin-leases, docs/sync-api.md). */

/** The codes of its lease a console still holds; a lease of 2,000 codes a length is far below the cap. */
export const LeaseRequest = z.object({ held: z.array(PinCode).max(20_000) });

/** The console's whole lease: a code not of its length is not a code to grant. */
export const PinLease = z.object({
  expiresAt: z.iso.datetime({ offset: true }),
  lengths: z
    .array(z.object({ length: z.number().int().min(4).max(12), size: z.number().int().min(0), codes: z.array(PinCode) }))
    .refine((ls) => ls.every((l) => l.codes.every((c) => c.length === l.length)), 'a code of another length'),
});
export type PinLease = z.infer<typeof PinLease>;
