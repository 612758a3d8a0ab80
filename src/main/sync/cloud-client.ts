import type { PinLeaseAnswer } from '../store/pin-lease-repo';
import { retryAfterMs } from './backoff';

/** Why a call to the cloud failed, as the engine decides what to do next (wait, retry, stop and ask staff). */
export type CloudFailureKind =
  | 'offline' // no connection, cut mid-request, or no answer in time: try again later
  | 'unauthorized' // the token was refused: set the console up again
  | 'rate_limited' // 429: wait at least Retry-After
  | 'server' // 5xx: try again later
  | 'conflict' // 409: the cloud saw an older seq from this console; pull, then push again
  | 'refused'; // another 4xx: a bug or a version mismatch, shown to staff

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

export interface CloudMutation {
  mutationId: string;
  seq: number;
  kind: string;
  payload: Record<string, unknown>;
  createdAt: string;
  /** Only the id: the cloud names people from its own records. */
  actor: { id: string };
  /** The actor's proof; absent on a kiosk console and for facts no one decided. */
  proof?: { keyId: string; signature: string };
}

export interface MutationResult {
  mutationId: string;
  status: 'accepted' | 'rejected' | 'duplicate';
  original?: 'accepted' | 'rejected';
  reason?: string;
  code?: string;
  fix?: Record<string, unknown>;
  cursor?: number;
}

export interface CloudChange {
  cursor: number;
  kind: string;
  payload: Record<string, unknown>;
  origin: string;
  mutationId: string | null;
  at: string;
  actor: { id: string; name: string; role: string | null } | null;
  audit: { action: string; summary: string } | null;
}

export interface ChangePage {
  changes: CloudChange[];
  next: number;
  more: boolean;
  /** The cloud held the request for news (a long-poll); absent from a cloud that does not. */
  held?: boolean;
}

export interface CloudClient {
  /** GET /v1/consoles/me: what the cloud recorded of this console. */
  me(signal?: AbortSignal): Promise<{ consoleId: string; name: string; kiosk: boolean }>;
  push(mutations: CloudMutation[], signal?: AbortSignal): Promise<MutationResult[]>;
  /** Renews and tops up this console's code lease; `held` are the leased codes it still holds. */
  leasePins(held: string[], signal?: AbortSignal): Promise<PinLeaseAnswer>;
  /** `waitSeconds` > 0 asks the cloud to hold the request until there is news (a long-poll). */
  pull(after: number, limit: number, signal?: AbortSignal, waitSeconds?: number): Promise<ChangePage>;
}

/** A slow cloud is waited for this long before the request counts as a dropped connection. */
const requestTimeoutMs = 30_000;

export async function request<T>(url: string, init: RequestInit & { signal?: AbortSignal }, fetchFn: typeof fetch): Promise<T> {
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
  if (response.ok) {
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new CloudFailure('server', 'The cloud answered something that is not JSON.');
    }
  }
  const message = readError(text) ?? `The cloud answered ${response.status}.`;
  const wait = retryAfterMs(response.headers.get('retry-after'));
  if (response.status === 401 || response.status === 403) throw new CloudFailure('unauthorized', message);
  if (response.status === 429) throw new CloudFailure('rate_limited', message, wait);
  if (response.status === 409) throw new CloudFailure('conflict', message);
  if (response.status >= 500) throw new CloudFailure('server', message, wait);
  throw new CloudFailure('refused', message);
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
    me: (signal) => request(url('/v1/consoles/me'), { headers, signal }, fetchFn),
    async push(mutations, signal) {
      const body = await request<{ results: MutationResult[] }>(url('/v1/mutations'), { method: 'POST', headers, body: JSON.stringify({ mutations }), signal }, fetchFn);
      return body.results;
    },
    leasePins: (held, signal) => request<PinLeaseAnswer>(url('/v1/pin-leases'), { method: 'POST', headers, body: JSON.stringify({ held }), signal }, fetchFn),
    pull: (after, limit, signal, waitSeconds = 0) =>
      request<ChangePage>(url(`/v1/changes?after=${after}&limit=${limit}${waitSeconds > 0 ? `&wait=${waitSeconds}` : ''}`), { headers, signal }, fetchFn),
  };
}

/** Pairs this console with a cloud: answers its id and token (the token goes to the keychain). */
export async function pairConsole(baseUrl: string, pairing: { pairingCode: string; name: string; kiosk: boolean }, fetchFn: typeof fetch = fetch): Promise<{ consoleId: string; token: string; kiosk: boolean }> {
  return request(new URL('/v1/consoles', baseUrl).toString(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(pairing) }, fetchFn);
}
