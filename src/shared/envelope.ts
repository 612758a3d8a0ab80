import type { ErrorCode } from './errors';

/** What every command answers over any carrier: Electron's invoke drops most of a thrown error. */
export type Envelope<T> =
  | { ok: true; value: T }
  | { ok: false; error: { code: ErrorCode; message: string; field?: string } };
