import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { largestPayloadBytes } from '../../shared/contract';
import { socketPath } from '../../shared/wire';
import type { Core } from '../core-types';
import { serveSocketConnection } from './socket-connection';

export interface SocketCarrierOptions {
  server: Server;
  core: Core;
  /** Random per run; the page gets it in its URL fragment. */
  token: string;
  /** Origins allowed to connect: the host's own page, nothing else. */
  allowedOrigins: readonly string[];
}

/** Room in a frame around the payload: its id, the command's name and the JSON around them. */
const frameOverheadBytes = 1024;

/** Open tabs at once; one more is refused with 503, so connections cannot grow without bound. */
export const maxSocketConnections = 64;

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refuse(socket: Duplex, status: 400 | 401 | 403 | 404 | 503, reason: string): void {
  // Closed once the answer is out: a client that never closes its end must not hold the socket.
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** The request's URL, or null when its target is not one (`GET http://a:99999/`). */
function requestUrl(request: IncomingMessage): URL | null {
  try {
    return new URL(request.url ?? '/', 'http://127.0.0.1');
  } catch {
    return null;
  }
}

/**
 * The browser host's carrier: the same dispatch as Electron IPC, over a WebSocket.
 * A connection is trusted only with the run's token and from the host's own Origin.
 */
export function attachSocketCarrier({ server, core, token, allowedOrigins }: SocketCarrierOptions): () => void {
  // Frames over the largest command's payload limit are refused by ws itself, with 1009.
  const wss = new WebSocketServer({ noServer: true, maxPayload: largestPayloadBytes + frameOverheadBytes });

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    // Node hands the socket over with no 'error' listener: a reset now would stop the process.
    const onSocketError = (): void => void socket.destroy();
    socket.on('error', onSocketError);
    const url = requestUrl(request);
    if (!url) return refuse(socket, 400, 'Bad Request');
    if (url.pathname !== socketPath) return refuse(socket, 404, 'Not Found');
    if (!sameSecret(url.searchParams.get('token') ?? '', token)) return refuse(socket, 401, 'Unauthorized');
    if (!allowedOrigins.includes(request.headers.origin ?? '')) return refuse(socket, 403, 'Forbidden');
    if (wss.clients.size >= maxSocketConnections) return refuse(socket, 503, 'Service Unavailable');
    // ws answers a malformed handshake (no key, wrong version, not websocket) with 400 itself.
    wss.handleUpgrade(request, socket, head, (ws) => {
      socket.off('error', onSocketError); // the WebSocket handles its socket's errors from here
      // The tab's remote address is its source: wrong passcodes slow that address (guess-throttle.ts).
      serveSocketConnection(ws, core, `browser:${request.socket.remoteAddress ?? 'unknown'}`);
    });
  };

  server.on('upgrade', onUpgrade);
  return () => {
    server.off('upgrade', onUpgrade);
    for (const client of wss.clients) client.terminate();
    wss.close();
  };
}
