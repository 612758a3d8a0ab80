import type { Route } from '../routes';
import type { CloudStore } from '../store/cloud-store';

/** A readiness check that takes longer than this answers 503: a load balancer must not wait on a stuck database. */
const readyWithinMs = 3_000;

/**
 * For a load balancer, without a token: GET /healthz answers 200 while the process serves
 * (restart it otherwise); GET /readyz answers 200 only while the store answers and has every
 * migration this code needs, else 503 with why (send it no requests until it is 200 again).
 */
export function healthRoutes(store: CloudStore): Record<string, Partial<Record<string, Route>>> {
  return {
    '/healthz': { GET: () => Promise.resolve({ status: 200, body: { status: 'up' } }) },
    '/readyz': {
      GET: async () => {
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<string>((resolve) => {
          timer = setTimeout(() => resolve(`The database did not answer within ${readyWithinMs / 1000} s.`), readyWithinMs);
        });
        const reason = await Promise.race([store.notReadyBecause(), late]).finally(() => clearTimeout(timer));
        return reason === null ? { status: 200, body: { status: 'ready' } } : { status: 503, body: { status: 'not_ready', reason } };
      },
    },
  };
}
