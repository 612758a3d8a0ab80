import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { CommunityFile } from '../../shared/community-file';
import { HttpError } from '../http/http-error';
import { readJson } from '../http/json-body';
import type { Route } from '../routes';
import { CommunityExists, UnknownCommunity, type CloudStore, type CommunityRecord } from '../store/cloud-store';
import type { OperatorToken } from './operator-token';

/** A community file of a few thousand units is a few megabytes. */
const communityFileBytes = 32 * 1024 * 1024;

export const OperatorPairingRequest = z.object({
  communityId: z.string().trim().min(1).max(200),
  /** What the console will be called, e.g. "Front desk". */
  name: z.string().trim().min(1).max(100),
  kiosk: z.boolean().default(false),
});

const summary = (c: CommunityRecord) => ({ id: c.id, name: c.name, timeZone: c.timeZone });

/** 404 while the API is off, 401 for a missing or wrong token: never a hint of which part was wrong. */
function checkOperator(req: IncomingMessage, token: OperatorToken | null): void {
  if (!token) throw new HttpError(404, 'operator_api_off', 'The operator API is off: start the cloud with PORTER_CLOUD_OPERATOR_TOKEN or --operator-token-file.');
  const presented = req.headers.authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  if (!presented || !token.matches(presented)) throw new HttpError(401, 'unauthorized', 'This request needs the operator token: Authorization: Bearer <operator token>.');
}

/**
 * The operator API (docs/sync-api.md, "Operators: communities and pairing"): what
 * `--community-add` and `--pair` do, over HTTP, for a portfolio's own tools. Its token is the
 * operator's, not a console's: a console token is refused here, and this one is refused
 * everywhere else.
 */
export function operatorRoutes(store: CloudStore, token: OperatorToken | null, now: () => Date): Record<string, Partial<Record<string, Route>>> {
  return {
    '/v1/operator/communities': {
      GET: async (req) => {
        checkOperator(req, token);
        return { status: 200, body: { communities: (await store.communities()).map(summary) } };
      },
      POST: async (req) => {
        checkOperator(req, token);
        const file = await readJson(req, CommunityFile, communityFileBytes);
        try {
          return { status: 201, body: { community: summary(await store.addCommunity(file)) } };
        } catch (error) {
          if (error instanceof CommunityExists) throw new HttpError(409, 'community_exists', error.message, { communityId: error.communityId });
          throw error;
        }
      },
    },
    '/v1/operator/pairing-codes': {
      POST: async (req) => {
        checkOperator(req, token);
        const request = await readJson(req, OperatorPairingRequest);
        try {
          const made = await store.forCommunity(request.communityId).createPairingCode(request.name, { kiosk: request.kiosk, now: now() });
          return { status: 201, body: made };
        } catch (error) {
          if (error instanceof UnknownCommunity) throw new HttpError(404, 'unknown_community', error.message, { communityId: error.communityId });
          throw error;
        }
      },
    },
  };
}
