import net from 'node:net';

/**
 * Sends `request` as it is, byte for byte, and resolves with everything the host answered
 * once the connection ends (the request should say `Connection: close`).
 */
export function rawHttp(port: number, request: string | Buffer): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.on('error', () => undefined); // a reset ends the answer like a close does
    socket.on('close', () => resolve(answer));
    socket.write(request);
  });
}

/** The status code of an HTTP answer ("HTTP/1.1 404 Not Found" → 404), or null for none. */
export function statusOf(answer: string): number | null {
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(answer);
  return match ? Number(match[1]) : null;
}
