import { frameBytes, opcodes, type RawSocket } from './raw-socket';

/** `units.list` pages of 500 units: about 300 KB of answer for 80 bytes of call. */
export function pageCalls(count: number, firstId: number): Buffer[] {
  return Array.from({ length: count }, (_, i) =>
    frameBytes({ opcode: opcodes.text, payload: JSON.stringify({ id: firstId + i, command: 'units.list', input: { limit: 500 } }) }),
  );
}

/**
 * From now on `socket` reads nothing and sends `frames` as fast as the host takes them, then
 * a ping every 100 ms: once the host has dropped the connection, the next ping draws a reset,
 * which is how a client that reads nothing learns it was cut off. `cutOff` resolves then.
 */
export function sendWithoutReading(socket: RawSocket, frames: Buffer[]): { cutOff: Promise<void>; isCutOff(): boolean } {
  let cut = false;
  const cutOff = socket.ended.then(() => void (cut = true));
  const left = [...frames];
  const ping = (): void => {
    if (cut) return;
    socket.send(frameBytes({ opcode: opcodes.ping }));
    setTimeout(ping, 100);
  };
  const writeMore = (): void => {
    while (!cut && left.length) if (!socket.socket.write(left.shift()!)) return void socket.socket.once('drain', writeMore);
    ping();
  };
  socket.socket.pause();
  writeMore();
  return { cutOff, isCutOff: () => cut };
}
