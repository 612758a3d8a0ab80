import { z } from 'zod';
import { Id, Role } from './primitives';

export const StaffMember = z.object({ id: Id, name: z.string(), role: Role });
export type StaffMember = z.infer<typeof StaffMember>;

export const Session = z.object({
  /** Who is signed in on this window; null shows the sign-in screen. */
  operator: StaffMember.nullable(),
  community: z.object({ id: Id, name: z.string(), timeZone: z.string() }),
  /** Where the renderer is running: the Electron window or the browser host. */
  host: z.enum(['electron', 'browser']),
  /** A training console: simulated doors, its own data folder, never paired (the banner on every screen). */
  training: z.boolean(),
  /** A kiosk is locked to its kiosk operator: no sign-out, no other role. */
  kiosk: z.boolean(),
  /** On a kiosk: how long it may sit untouched before it returns to its start screen. */
  kioskIdleSeconds: z.number().int().min(5).nullable(),
});
export type Session = z.infer<typeof Session>;

export const SignInRequest = z
  .object({ staffId: Id, passcode: z.string().min(4, 'Enter your passcode').max(64) })
  .strict();
export type SignInRequest = z.input<typeof SignInRequest>;
