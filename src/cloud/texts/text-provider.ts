/** One text to a guest. A provider that sees the same idempotencyKey twice sends it once. */
export interface TextMessage {
  /** E.164 */
  to: string;
  body: string;
  idempotencyKey: string;
}

/** Sends texts to guests: a file by default (FileTextProvider), or a Twilio-style HTTP API. */
export interface TextProvider {
  /** Answers the provider's id for the message; throws when it was not sent. */
  send(message: TextMessage): Promise<{ id: string }>;
}

/**
 * A provider's refusal. `permanent` when sending again cannot help (the number is not a
 * phone, the account is closed); otherwise the text is tried again later with backoff.
 */
export class TextSendError extends Error {
  readonly permanent: boolean;
  constructor(message: string, options: { permanent: boolean }) {
    super(message);
    this.name = 'TextSendError';
    this.permanent = options.permanent;
  }
}
