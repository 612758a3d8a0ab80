import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { silentLog, type CloudLog } from './cloud-log';
import { healthRoutes } from './http/health';
import { HttpError } from './http/http-error';
import type { OperatorToken } from './operator/operator-token';
import { cloudRoutes, type Reply } from './routes';
import { guestPageRoute } from './texts/guest-page';
import type { CloudStore } from './store/cloud-store';
import { ChangeFeed } from './sync/change-feed';
import { OutOfOrder } from './sync/push-mutations';
import { defaultGuestLinks, type GuestLinks } from './texts/guest-text';
import { TextDelivery } from './texts/text-delivery';
import type { TextProvider } from './texts/text-provider';

export interface CloudServerOptions {
  store: CloudStore;
  texts: TextProvider;
  port?: number;
  host?: string;
  log?: CloudLog;
  /** The cloud's clock; tests set it. */
  now?: () => Date;
  /** Where guests' links point. */
  links?: GuestLinks;
  /** Delay before each retry of a text; the last failure gives it up. */
  textRetryDelaysMs?: readonly number[];
  /** Codes each console's lease holds per PIN length (default: leases/lease-pins.ts). */
  pinLeaseSize?: number;
  /** How long an instance holds the texts it claims before another takes them over (default 5 minutes). */
  textClaimMs?: number;
  /** How often a waiting pull looks at the log when nothing woke it (default a second); tests of wake-ups make it long. */
  pullRecheckMs?: number;
  /** The operator API's token (/v1/operator/...); without one that API answers 404. */
  operatorToken?: OperatorToken | null;
}

export interface CloudServer {
  /** e.g. http://127.0.0.1:5280 */
  url: string;
  /** Resolves once every queued text was sent or given up: for tests and tools, not requests. */
  textsSettled(): Promise<void>;
  /** Stops listening, lets requests in flight finish, stops text delivery. The store stays open. */
  close(): Promise<void>;
}

function send(res: ServerResponse, reply: Reply): void {
  const headers = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...reply.headers };
  if (reply.html !== undefined) {
    res.writeHead(reply.status, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(reply.html);
    return;
  }
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  res.writeHead(reply.status, { ...headers, 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(reply.body));
}

function errorReply(error: unknown, log: CloudLog, what: string): Reply {
  if (error instanceof HttpError)
    return {
      status: error.status,
      body: { error: { code: error.code, message: error.message, ...error.extra } },
      ...(error.retryAfterSeconds === null ? {} : { headers: { 'retry-after': String(error.retryAfterSeconds) } }),
    };
  if (error instanceof OutOfOrder)
    return { status: 409, body: { error: { code: 'out_of_order', message: error.message, mutationId: error.mutationId, seq: error.seq, lastSeq: error.lastSeq } } };
  log('error', `${what} failed`, error);
  return { status: 500, body: { error: { code: 'internal', message: 'The cloud could not do this; nothing was lost. Try again later.' } } };
}

/** The reference cloud service on node:http: consoles pair, push mutations and pull changes. */
export async function startCloudServer(options: CloudServerOptions): Promise<CloudServer> {
  const { store, port = 0, host = '127.0.0.1' } = options;
  const log = options.log ?? silentLog;
  const now = options.now ?? (() => new Date());
  const feed = new ChangeFeed(options.pullRecheckMs);
  const delivery = new TextDelivery({
    store,
    provider: options.texts,
    now,
    log,
    recorded: () => feed.changed(),
    ...(options.textRetryDelaysMs ? { retryDelaysMs: options.textRetryDelaysMs } : {}),
    ...(options.textClaimMs ? { claimMs: options.textClaimMs } : {}),
  });
  // Changes committed by another instance on the same database wake this one's long-polls,
  // and its text delivery: it claims its share of the texts another instance's push queued.
  const unwatch = store.watchChanges(() => {
    feed.changed();
    delivery.wake();
  });
  // The sync API, and the load balancer's checks beside it (not part of the consoles' API).
  const routes = { ...healthRoutes(store), ...cloudRoutes({ store, now, links: options.links ?? defaultGuestLinks, textsQueued: () => delivery.wake(), feed, pinLeaseSize: options.pinLeaseSize, log, operatorToken: options.operatorToken ?? null }) };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Logged by path only: a query or header could carry what a log must not hold.
    let what = `${req.method} (unparsed URL)`;
    let reply: Reply;
    try {
      const url = new URL(req.url ?? '/', 'http://cloud.invalid');
      // A guest's page (its log line never holds a code page's token), or the sync API.
      const guest = guestPageRoute(store, url.pathname, now);
      what = `${req.method} ${guest?.logged ?? url.pathname}`;
      const methods = guest?.methods ?? (Object.hasOwn(routes, url.pathname) ? routes[url.pathname] : undefined);
      if (!methods) throw new HttpError(404, 'not_found', 'The cloud has no such endpoint; see docs/sync-api.md.');
      const route = Object.hasOwn(methods, req.method ?? '') ? methods[req.method ?? ''] : undefined;
      if (!route) {
        res.setHeader('allow', Object.keys(methods).join(', '));
        throw new HttpError(405, 'method_not_allowed', `This endpoint takes ${Object.keys(methods).join(' or ')} only.`);
      }
      reply = await route(req, url);
    } catch (error) {
      reply = errorReply(error, log, what);
    }
    send(res, reply);
    log('info', `${what} ${reply.status}`);
  }

  const server = http.createServer((req, res) => void handle(req, res));
  // Consoles come back every few seconds on a kept-alive connection. Node closes an idle one
  // after 5 s, the same moment a console may send its next push on it, which then fails as a
  // dropped connection: keep idle connections longer than any console waits between rounds.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  // Texts a crash left queued go out now.
  delivery.wake();

  return {
    url,
    textsSettled: () => delivery.settled(),
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // A client holding a kept-alive connection open must not hold the shutdown up.
        setTimeout(() => server.closeAllConnections(), 2_000).unref();
      });
      unwatch();
      await delivery.close();
    },
  };
}
