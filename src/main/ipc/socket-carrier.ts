import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { maxPayloadBytes } from '../../shared/contract';
import { socketPath, type ClientFrame, type ServerFrame } from '../../shared/wire';
import type { Core } from '../core-types';

export interface SocketCarrierOptions {
  server: Server;
  core: Core;
  /** Random per run; the page gets it in its URL fragment. */
  token: string;
  /** Origins allowed to connect: the host's own page, nothing else. */
  allowedOrigins: readonly string[];
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refuse(socket: Duplex, status: 401 | 403 | 404, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * The browser host's carrier: the same dispatch as Electron IPC, over a WebSocket.
 * A connection is trusted only with the run's token and from the host's own Origin.
 */
export function attachSocketCarrier({ server, core, token, allowedOrigins }: SocketCarrierOptions): () => void {
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxPayloadBytes + 1024 });

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== socketPath) return refuse(socket, 404, 'Not Found');
    if (!sameSecret(url.searchParams.get('token') ?? '', token)) return refuse(socket, 401, 'Unauthorized');
    if (!allowedOrigins.includes(request.headers.origin ?? '')) return refuse(socket, 403, 'Forbidden');
    wss.handleUpgrade(request, socket, head, (ws) => serve(ws, `browser:${request.socket.remoteAddress ?? 'unknown'}`));
  };

  /** `source`: the tab's remote address, so wrong passcodes slow down that address (see guess-throttle.ts). */
  const serve = (ws: WebSocket, source: string): void => {
    const send = (frame: ServerFrame): void => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
    };
    // Each tab has its own connection, so its own signed-in staff member.
    const connection = core.connect(source);
    const unsubscribe = core.onEvent((event, payload) => send({ event, payload }));
    ws.on('message', async (data) => {
      let frame: ClientFrame;
      try {
        frame = JSON.parse(String(data)) as ClientFrame;
        if (typeof frame?.id !== 'number') throw new Error('no id');
      } catch {
        ws.close(1003, 'Frames must be JSON with a numeric id');
        return;
      }
      send({ id: frame.id, envelope: await connection.dispatch(frame.command, frame.input) });
    });
    ws.on('close', () => {
      unsubscribe();
      connection.close();
    });
  };

  server.on('upgrade', onUpgrade);
  return () => {
    server.off('upgrade', onUpgrade);
    for (const client of wss.clients) client.terminate();
    wss.close();
  };
}
