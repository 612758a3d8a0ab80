import type { Envelope } from '../../shared/envelope';

/** What the main thread asks of the core's worker thread. Connection 0 is the core's own. */
export type ToWorker =
  | { type: 'connect'; connection: number; source: string }
  | { type: 'disconnect'; connection: number }
  | { type: 'dispatch'; id: number; connection: number; command: unknown; input: unknown }
  | { type: 'close' };

/** What the worker answers, and the core's events it forwards. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'reply'; id: number; envelope: Envelope<unknown> }
  | { type: 'event'; event: string; payload: unknown }
  | { type: 'closed' };
