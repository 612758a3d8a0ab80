/**
 * A request the cloud answers with an error: `{ error: { code, message, ...extra } }` and
 * the status. The message is for the person setting up or running the console.
 */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly extra: Record<string, unknown>;
  constructor(status: number, code: string, message: string, extra: Record<string, unknown> = {}) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.extra = extra;
  }
}

export const unauthorized = (message = 'This request needs a console token: Authorization: Bearer <token>.') => new HttpError(401, 'unauthorized', message);
