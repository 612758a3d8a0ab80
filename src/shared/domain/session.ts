import { z } from 'zod';
import { Id, Role } from './primitives';

export const Session = z.object({
  operator: z.object({ name: z.string(), role: Role }),
  community: z.object({ id: Id, name: z.string(), timeZone: z.string() }),
  /** Where the renderer is running: the Electron window or the browser host. */
  host: z.enum(['electron', 'browser']),
});
export type Session = z.infer<typeof Session>;
