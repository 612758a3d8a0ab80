import { z } from 'zod';
import { Timestamp } from './primitives';

/** Where this console stands with the cloud: the status bar's line. */
export const SyncStatus = z.object({
  state: z.enum(['not_set_up', 'online', 'offline', 'error']),
  cloudUrl: z.string().nullable(),
  consoleName: z.string().nullable(),
  lastSyncAt: Timestamp.nullable(),
  /** Changes made here that the cloud has not answered yet. */
  pending: z.number().int(),
  lastError: z.string().nullable(),
  nextTryAt: Timestamp.nullable(),
  /**
   * Staff whose changes made here wait for them to sign in while the cloud is reachable: the
   * cloud takes a staff member's changes only with a proof made with the key an online
   * sign-in gives (docs/sync-api.md).
   */
  waitingFor: z.array(z.object({ staffId: z.string(), name: z.string(), changes: z.number().int() })),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/** Setting a console up against a cloud: its address and a pairing code from the cloud's operator. */
export const SyncSetupRequest = z
  .object({
    url: z.url({ protocol: /^https?$/ }).max(300),
    pairingCode: z.string().trim().min(4).max(64),
    name: z.string().trim().min(1).max(100),
    kiosk: z.boolean(),
  })
  .strict();
