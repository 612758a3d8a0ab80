/**
 * A request the cloud answers with an error: `{ error: { code, message, ...extra } }` and
 * the status. The message is for the person setting up or running the console.
 */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly extra: Record<string, unknown>;
  /** Sent as Retry-After (429, 503): when to try again. */
  readonly retryAfterSeconds: number | null;
  constructor(status: number, code: string, message: string, extra: Record<string, unknown> = {}, retryAfterSeconds: number | null = null) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.extra = extra;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Too many wrong guesses from here: the next try is not even checked before `seconds` pass. */
export const tooManyAttempts = (message: string, seconds: number) => new HttpError(429, 'too_many_attempts', message, {}, seconds);

export const unauthorized = (message = 'This request needs a console token: Authorization: Bearer <token>.') => new HttpError(401, 'unauthorized', message);
