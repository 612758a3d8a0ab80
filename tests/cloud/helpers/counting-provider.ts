import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the provider received: which account (cloud instance) sent which text. */
export interface ProviderRequest {
  account: string;
  key: string;
}

/**
 * A Twilio-like text provider over HTTP that counts every request by idempotency key and
 * by account: each cloud instance of a test sends with an account of its own. Requests of
 * a `held` account are never answered (the instance is to be killed with them in flight).
 */
export interface CountingProvider {
  baseUrl: string;
  requests: ProviderRequest[];
  /** Keys answered 201: the texts that reached a phone. */
  delivered: string[];
  held: Set<string>;
  close(): Promise<void>;
}

export async function startCountingProvider(): Promise<CountingProvider> {
  const requests: ProviderRequest[] = [];
  const delivered: string[] = [];
  const held = new Set<string>();
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const account = /\/Accounts\/([^/]+)\//.exec(req.url ?? '')?.[1] ?? 'unknown';
      const key = String(req.headers['idempotency-key']);
      requests.push({ account, key });
      if (held.has(account)) return;
      delivered.push(key);
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ sid: `SM${delivered.length}` }));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    delivered,
    held,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** How many times each key appears. */
export function countByKey(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}
