import type { IncomingMessage } from 'node:http';
import { AnchorRequest, LeaseRequest, PairRequest, PullQuery, PushRequest, StaffSessionRequest } from '../shared/sync';
import { silentLog } from './cloud-log';
import { authenticate } from './consoles/authenticate';
import { pairConsole } from './consoles/pair-console';
import { addressKey } from './http/attempt-throttle';
import { HttpError } from './http/http-error';
import { describeZodError, readJson } from './http/json-body';
import { leasePins } from './leases/lease-pins';
import { operatorRoutes } from './operator/operator-routes';
import type { OperatorToken } from './operator/operator-token';
import type { ChangeFeed } from './sync/change-feed';
import { takeAnchor } from './sync/audit-anchors';
import { pullChanges } from './sync/pull-changes';
import { createStaffSignIn } from './staff/staff-sign-in';
import { pushMutations, type PushContext } from './sync/push-mutations';

export interface Reply {
  status: number;
  /** Sent as JSON; `html` instead for the one page a person opens (texts/guest-page.ts). */
  body?: unknown;
  html?: string;
  headers?: Record<string, string>;
}

export type Route = (req: IncomingMessage, url: URL) => Promise<Reply>;

/** Every endpoint of the sync API (docs/sync-api.md), by path and method. */
export function cloudRoutes(ctx: PushContext & { feed: ChangeFeed; pinLeaseSize?: number; operatorToken?: OperatorToken | null }): Record<string, Partial<Record<string, Route>>> {
  const { store } = ctx;
  const pairing = { store, log: ctx.log ?? silentLog };
  const signIn = createStaffSignIn(store, ctx.now);
  return {
    ...operatorRoutes(store, ctx.operatorToken ?? null, ctx.now),
    '/v1/consoles': {
      // The one endpoint without a token: it is how a console gets one.
      POST: async (req) => {
        const request = await readJson(req, PairRequest);
        return { status: 201, body: await pairConsole(pairing, addressKey(req.socket.remoteAddress), request, ctx.now()) };
      },
    },
    '/v1/staff-sessions': {
      // An online sign-in: the cloud checks the passcode and gives the staff member's signing key.
      POST: async (req) => {
        const console = await authenticate(req, store);
        const request = await readJson(req, StaffSessionRequest);
        return { status: 200, body: await signIn(console, request) };
      },
    },
    '/v1/consoles/me': {
      GET: async (req) => {
        const console = await authenticate(req, store);
        const community = await store.forCommunity(console.communityId).community();
        return { status: 200, body: { consoleId: console.id, name: console.name, kiosk: console.kiosk, pairedAt: console.pairedAt, community: { id: community.id, name: community.name } } };
      },
      DELETE: async (req) => {
        const console = await authenticate(req, store);
        await store.forCommunity(console.communityId).revokeConsole(console.id, ctx.now().toISOString());
        return { status: 204 };
      },
    },
    '/v1/mutations': {
      POST: async (req) => {
        const console = await authenticate(req, store);
        const { mutations } = await readJson(req, PushRequest);
        const results = await pushMutations(ctx, console, mutations);
        ctx.feed.changed();
        return { status: 200, body: { results } };
      },
    },
    '/v1/changes': {
      GET: async (req, url) => {
        const console = await authenticate(req, store);
        const query = PullQuery.safeParse(Object.fromEntries(url.searchParams));
        if (!query.success) throw new HttpError(400, 'invalid_input', `The query is not valid (${describeZodError(query.error)}).`);
        // A console that hangs up stops the wait: nothing is left holding its place. The socket
        // is kept alive across requests, so the listener goes with this request.
        const gone = new AbortController();
        const hungUp = () => gone.abort();
        req.socket.once('close', hungUp);
        try {
          return { status: 200, body: await pullChanges(store, query.data, ctx.feed, gone.signal, console) };
        } finally {
          req.socket.off('close', hungUp);
        }
      },
    },
    '/v1/audit-anchors': {
      // The console's activity-log head after a sync round: what a later cut or rewrite is checked against.
      POST: async (req) => {
        const console = await authenticate(req, store);
        return takeAnchor(store, console, await readJson(req, AnchorRequest), ctx.now());
      },
      GET: async (req) => {
        const console = await authenticate(req, store);
        return { status: 200, body: { latest: await store.forCommunity(console.communityId).latestAuditAnchor(console.id) } };
      },
    },
    '/v1/pin-leases': {
      POST: async (req) => {
        const console = await authenticate(req, store);
        const { held } = await readJson(req, LeaseRequest);
        return { status: 200, body: await leasePins(store, console, held, ctx.now(), ctx.pinLeaseSize) };
      },
    },
  };
}
