import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostProcess, type HostProcess } from './helpers/host-process';
import { hostileRequests, withSecrets } from './helpers/hostile';
import { rawHttp, statusOf } from './helpers/raw-http';
import { openRawSocket } from './helpers/raw-socket';

/*
 * Anyone who can reach the port can send these: no token is needed before the request is
 * read. Each gets an answer (or, for CONNECT, a closed connection), and the host, in its
 * own process, goes on serving.
 */

let host: HostProcess;
beforeAll(async () => {
  host = await startHostProcess();
});
afterAll(() => host?.stop());

describe('the browser host answers any HTTP request and goes on serving', () => {
  it.each(hostileRequests)('$name: $status', async ({ request, status }) => {
    const answer = await host.whileAlive(rawHttp(host.port, withSecrets(request, host.token, host.origin)));
    expect(statusOf(answer)).toBe(status);
    // Still serving: the page, then a contract call over a fresh WebSocket.
    expect(statusOf(await host.whileAlive(rawHttp(host.port, 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n')))).toBe(200);
    const socket = await host.whileAlive(openRawSocket(host.port, host.token, host.origin));
    socket.call(1, 'session.get', {});
    expect(await host.whileAlive(socket.answer(1))).toMatchObject({ ok: true, value: { host: 'browser' } });
    socket.socket.end();
  });
});

/** Opens a connection, writes `request`, and resets it (TCP RST) once `after` bytes have come back. */
function resetAfter(port: number, request: string, after: number): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(request);
      if (after === 0) socket.resetAndDestroy();
    });
    let received = 0;
    socket.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received >= after && !socket.destroyed) socket.resetAndDestroy();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve());
  });
}

describe('clients that vanish mid-request', () => {
  it('resets right after an upgrade request, refused or not, leave the host serving', async () => {
    const requests = [
      withSecrets('GET /porter?token=wrong HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n', host.token, host.origin),
      withSecrets('GET /porter?token=token HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nOrigin: origin\r\n\r\n', host.token, host.origin),
    ];
    for (let i = 0; i < 40; i++) await host.whileAlive(resetAfter(host.port, requests[i % 2]!, 0));
    expect(statusOf(await host.whileAlive(rawHttp(host.port, 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n')))).toBe(200);
  });

  it('a reset in the middle of a large file leaves the host serving', async () => {
    for (let i = 0; i < 5; i++) await host.whileAlive(resetAfter(host.port, 'GET /big.js HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', 64 * 1024));
    const answer = await host.whileAlive(rawHttp(host.port, 'GET /big.js HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n'));
    expect(statusOf(answer)).toBe(200);
    expect(answer.length).toBeGreaterThan(16 * 1024 * 1024);
  });
});
