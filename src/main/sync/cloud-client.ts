import type { z } from 'zod';
import { ChangePage, ConsoleInfo, Paired, PinLease, PushAnswer, type Change, type MutationResult, type WireMutation } from '../../shared/sync';
import { retryAfterMs } from './backoff';
import { firstIssueWords } from '../../shared/plain-words';

/** Why a call to the cloud failed, as the engine decides what to do next (wait, retry, stop and ask staff). */
export type CloudFailureKind =
  | 'offline' // no connection, cut mid-request, or no answer in time: try again later
  | 'unauthorized' // the token was refused: set the console up again
  | 'rate_limited' // 429: wait at least Retry-After
  | 'server' // 5xx: try again later
  | 'conflict' // 409: the cloud saw an older seq from this console; pull, then push again
  | 'refused' // another 4xx: a bug or a version mismatch, shown to staff
  | 'malformed'; // a 2xx whose body is not what the protocol says: nothing of it is used, shown to staff

export class CloudFailure extends Error {
  constructor(
    readonly kind: CloudFailureKind,
    message: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'CloudFailure';
  }
}

/** A mutation as this console sends it (src/shared/sync/push.ts). */
export type CloudMutation = WireMutation;
export type { ChangePage, MutationResult };
/** A change as the cloud sent it (the envelope checked; the payload is read by its kind when applied). */
export type CloudChange = Change;

export interface CloudClient {
  /** GET /v1/consoles/me: what the cloud recorded of this console. */
  me(signal?: AbortSignal): Promise<ConsoleInfo>;
  push(mutations: CloudMutation[], signal?: AbortSignal): Promise<MutationResult[]>;
  /** Renews and tops up this console's code lease; `held` are the leased codes it still holds. */
  leasePins(held: string[], signal?: AbortSignal): Promise<PinLease>;
  /** `waitSeconds` > 0 asks the cloud to hold the request until there is news (a long-poll). */
  pull(after: number, limit: number, signal?: AbortSignal, waitSeconds?: number): Promise<ChangePage>;
}

/** A slow cloud is waited for this long before the request counts as a dropped connection. */
const requestTimeoutMs = 30_000;

/**
 * One call to the cloud, its answer checked against the protocol's schema: a cloud that
 * answers something else (a bug, a version mismatch, a hostile server) is a sync error saying
 * which field, never a crash or a value taken on trust.
 */
export async function request<S extends z.ZodType>(url: string, init: RequestInit & { signal?: AbortSignal }, fetchFn: typeof fetch, answer: S): Promise<z.output<S>> {
  const signal = init.signal ? AbortSignal.any([init.signal, AbortSignal.timeout(requestTimeoutMs)]) : AbortSignal.timeout(requestTimeoutMs);
  let response: Response;
  try {
    response = await fetchFn(url, { ...init, signal });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new CloudFailure('offline', `The cloud could not be reached (${error instanceof Error ? error.message : String(error)}).`);
  }
  const text = await response.text().catch(() => {
    throw new CloudFailure('offline', 'The connection to the cloud was cut mid-answer.');
  });
  if (response.ok) return readAnswer(text, answer, new URL(url).pathname);
  const message = readError(text) ?? `The cloud answered ${response.status}.`;
  const wait = retryAfterMs(response.headers.get('retry-after'));
  if (response.status === 401 || response.status === 403) throw new CloudFailure('unauthorized', message);
  if (response.status === 429) throw new CloudFailure('rate_limited', message, wait);
  if (response.status === 409) throw new CloudFailure('conflict', message);
  if (response.status >= 500) throw new CloudFailure('server', message, wait);
  throw new CloudFailure('refused', message);
}

function readAnswer<S extends z.ZodType>(text: string, answer: S, path: string): z.output<S> {
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    throw new CloudFailure('malformed', `The cloud's answer to ${path} is not JSON.`);
  }
  const parsed = answer.safeParse(body);
  if (parsed.success) return parsed.data;
  // The field and what was wrong with it, never its value (an answer may hold codes).
  throw new CloudFailure('malformed', `The cloud's answer to ${path} could not be read (${firstIssueWords(parsed.error, 'the body')}); nothing of it was used.`);
}

function readError(text: string): string | null {
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown } };
    return typeof body.error?.message === 'string' ? body.error.message : null;
  } catch {
    return null;
  }
}

/** The console's side of docs/sync-api.md, over fetch, with the console's token. */
export function cloudClient(baseUrl: string, token: string, fetchFn: typeof fetch = fetch): CloudClient {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const url = (path: string) => new URL(path, baseUrl).toString();
  return {
    me: (signal) => request(url('/v1/consoles/me'), { headers, signal }, fetchFn, ConsoleInfo),
    async push(mutations, signal) {
      const { results } = await request(url('/v1/mutations'), { method: 'POST', headers, body: JSON.stringify({ mutations }), signal }, fetchFn, PushAnswer);
      return results;
    },
    leasePins: (held, signal) => request(url('/v1/pin-leases'), { method: 'POST', headers, body: JSON.stringify({ held }), signal }, fetchFn, PinLease),
    pull: (after, limit, signal, waitSeconds = 0) =>
      request(url(`/v1/changes?after=${after}&limit=${limit}${waitSeconds > 0 ? `&wait=${waitSeconds}` : ''}`), { headers, signal }, fetchFn, ChangePage),
  };
}

/** Pairs this console with a cloud: answers its id and token (the token goes to the keychain). */
export async function pairConsole(baseUrl: string, pairing: { pairingCode: string; name: string; kiosk: boolean }, fetchFn: typeof fetch = fetch): Promise<Paired> {
  return request(new URL('/v1/consoles', baseUrl).toString(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(pairing) }, fetchFn, Paired);
}
