import { TextSendError, type TextMessage, type TextProvider } from './text-provider';

export interface TwilioOptions {
  /** e.g. https://api.twilio.com; any service speaking the same API will do. */
  baseUrl: string;
  accountSid: string;
  authToken: string;
  /** The sending number, E.164. */
  from: string;
  fetch?: typeof fetch;
}

/**
 * Texts through a Twilio-style HTTP API: a form-encoded POST of To, From and Body to the
 * account's Messages resource, with HTTP Basic auth and an Idempotency-Key header so a
 * text sent again after a crash is not delivered twice. Answers the message's sid.
 */
export class TwilioTextProvider implements TextProvider {
  private readonly options: TwilioOptions;

  constructor(options: TwilioOptions) {
    this.options = options;
  }

  async send(message: TextMessage): Promise<{ id: string }> {
    const { baseUrl, accountSid, authToken, from } = this.options;
    const doFetch = this.options.fetch ?? fetch;
    const url = `${baseUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Messages.json`;
    let response: Response;
    try {
      response = await doFetch(url, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
          'idempotency-key': message.idempotencyKey,
          accept: 'application/json',
        },
        body: new URLSearchParams({ To: message.to, From: from, Body: message.body }).toString(),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new TextSendError(`The text provider could not be reached (${(error as Error).message}).`, { permanent: false });
    }
    const body = (await response.json().catch(() => null)) as { sid?: unknown; message?: unknown } | null;
    if (response.ok && typeof body?.sid === 'string') return { id: body.sid };
    const said = typeof body?.message === 'string' ? `: ${body.message}` : '';
    // 4xx means this text will never go as it is; 408, 429 and 5xx may pass later.
    const permanent = response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
    throw new TextSendError(`The text provider answered ${response.status}${said}`, { permanent });
  }
}
