import { z } from 'zod';
import { StaffMember, Timestamp } from '../domain';

/* Pairing, the console behind a token, and online sign-ins (docs/sync-api.md). */

export const PairRequest = z.object({
  pairingCode: z.string().min(1).max(64),
  /** What the console calls itself, e.g. "Front desk". */
  name: z.string().trim().min(1).max(100),
  kiosk: z.boolean(),
});

const Community = z.object({ id: z.string(), name: z.string() });
/** 32 random bytes, base64url. */
const Secret = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be 32 bytes, base64url');

/** The answer to a pairing: the token comes this once; the cloud keeps only its hash. */
export const Paired = z.object({ consoleId: z.string().min(1), token: Secret, name: z.string(), kiosk: z.boolean(), community: Community });
export type Paired = z.infer<typeof Paired>;

/** GET /v1/consoles/me */
export const ConsoleInfo = z.object({ consoleId: z.string().min(1), name: z.string(), kiosk: z.boolean(), pairedAt: Timestamp, community: Community });
export type ConsoleInfo = z.infer<typeof ConsoleInfo>;

/** An online sign-in (POST /v1/staff-sessions): the console asks the cloud to check a passcode. */
export const StaffSessionRequest = z.object({ staffId: z.string().min(1).max(200), passcode: z.string().min(1).max(64) });

/** The staff member as the cloud knows them, and the key this console proves their changes with. */
export const StaffSession = z.object({ staff: StaffMember, key: z.object({ id: z.string().min(1).max(100), secret: Secret }) });
export type StaffSession = z.infer<typeof StaffSession>;
