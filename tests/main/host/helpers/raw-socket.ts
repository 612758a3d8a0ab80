/**
 * A WebSocket client written on node:net, so a test can send the frames a well-behaved
 * client never would (unmasked, reserved bits, lying lengths) and see exactly what the host
 * sends back, down to the close code.
 */
import { randomBytes } from 'node:crypto';
import net from 'node:net';

export interface FrameSpec {
  opcode: number;
  payload?: Buffer | string;
  fin?: boolean;
  /** The three reserved bits, RSV1..RSV3, as a number 0-7. */
  rsv?: number;
  /** Clients must mask; false sends the payload in the clear. */
  masked?: boolean;
  /** A length to claim in the header instead of the payload's own (a lie). */
  claimedLength?: bigint;
}

export const opcodes = { continuation: 0x0, text: 0x1, binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const;

/** The bytes of one frame as RFC 6455 lays them out. */
export function frameBytes({ opcode, payload = Buffer.alloc(0), fin = true, rsv = 0, masked = true, claimedLength }: FrameSpec): Buffer {
  const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
  const length = claimedLength ?? BigInt(body.length);
  const head = [(fin ? 0x80 : 0) | ((rsv & 7) << 4) | (opcode & 0xf)];
  const maskBit = masked ? 0x80 : 0;
  let extended = Buffer.alloc(0);
  if (length < 126n) head.push(maskBit | Number(length));
  else if (length < 65536n) {
    head.push(maskBit | 126);
    extended = Buffer.alloc(2);
    extended.writeUInt16BE(Number(length));
  } else {
    head.push(maskBit | 127);
    extended = Buffer.alloc(8);
    extended.writeBigUInt64BE(length);
  }
  if (!masked) return Buffer.concat([Buffer.from(head), extended, body]);
  const mask = randomBytes(4);
  const maskedBody = Buffer.from(body.map((byte, i) => byte ^ mask[i % 4]!));
  return Buffer.concat([Buffer.from(head), extended, mask, maskedBody]);
}

/** A close frame's payload: the code and a reason. */
export function closePayload(code: number, reason = ''): Buffer {
  const payload = Buffer.alloc(2 + Buffer.byteLength(reason));
  payload.writeUInt16BE(code);
  payload.write(reason, 2);
  return payload;
}

export interface ReceivedFrame {
  opcode: number;
  payload: Buffer;
}

/** How the connection ended: the host's close code (null when it sent no close frame). */
export interface Ending {
  code: number | null;
  reason: string;
}

export interface RawSocket {
  socket: net.Socket;
  /** The status line and headers the host answered the upgrade with. */
  response: string;
  frames: ReceivedFrame[];
  send(bytes: Buffer): void;
  /** A text frame with a contract call in it. */
  call(id: number, command: string, input: unknown): void;
  /** The answer to call `id`, once it arrives. */
  answer(id: number): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string; field?: string } }>;
  /** Resolves when the TCP connection has ended, with the close frame the host sent, if any. */
  ended: Promise<Ending>;
}

/** Opens a socket to `port` and upgrades it to a WebSocket on /porter with the token and origin. */
export function openRawSocket(port: number, token: string, origin: string): Promise<RawSocket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let buffer: Buffer = Buffer.alloc(0);
    let upgraded = false;
    const frames: ReceivedFrame[] = [];
    const waiting: (() => void)[] = [];
    let closeFrame: Ending | null = null;
    const ended = new Promise<Ending>((done) => {
      socket.on('close', () => done(closeFrame ?? { code: null, reason: '' }));
    });
    socket.on('error', () => undefined); // a reset is an ending like any other; `ended` reports it

    const key = randomBytes(16).toString('base64');
    socket.write(
      `GET /porter?token=${encodeURIComponent(token)} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\nOrigin: ${origin}\r\n\r\n`,
    );

    const raw: RawSocket = {
      socket,
      response: '',
      frames,
      send: (bytes) => void socket.write(bytes),
      call: (id, command, input) => raw.send(frameBytes({ opcode: opcodes.text, payload: JSON.stringify({ id, command, input }) })),
      answer: (id) =>
        new Promise((done, fail) => {
          const look = (): boolean => {
            for (const frame of frames) {
              if (frame.opcode !== opcodes.text) continue;
              const parsed = JSON.parse(frame.payload.toString()) as { id?: number; envelope?: never };
              if (parsed.id === id) {
                done(parsed.envelope!);
                return true;
              }
            }
            return false;
          };
          if (look()) return;
          const check = (): void => {
            if (!look()) waiting.push(check);
          };
          waiting.push(check);
          void ended.then(() => fail(new Error(`The connection ended before the answer to call ${id}`)));
        }),
      ended,
    };

    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (!upgraded) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        raw.response = buffer.subarray(0, end).toString();
        buffer = buffer.subarray(end + 4);
        upgraded = true;
        if (!raw.response.startsWith('HTTP/1.1 101')) {
          reject(new Error(`The host refused the upgrade: ${raw.response.split('\r\n')[0]}`));
          return;
        }
        resolve(raw);
      }
      buffer = readFrames(buffer, (frame) => {
        frames.push(frame);
        if (frame.opcode === opcodes.close && !closeFrame) {
          closeFrame = { code: frame.payload.length >= 2 ? frame.payload.readUInt16BE(0) : null, reason: frame.payload.subarray(2).toString() };
          // Answered as RFC 6455 asks, so the host can finish closing at once.
          if (socket.writable) socket.write(frameBytes({ opcode: opcodes.close, payload: frame.payload.subarray(0, 2) }));
        }
      });
      for (const check of waiting.splice(0)) check();
    });
    socket.once('close', () => {
      if (!upgraded) reject(new Error('The host closed the connection during the upgrade'));
    });
  });
}

/** Takes whole server frames (never masked) off the front of `buffer`; answers what is left. */
function readFrames(buffer: Buffer, onFrame: (frame: ReceivedFrame) => void): Buffer {
  for (;;) {
    if (buffer.length < 2) return buffer;
    let length = buffer[1]! & 0x7f;
    let offset = 2;
    if (length === 126) {
      if (buffer.length < 4) return buffer;
      length = buffer.readUInt16BE(2);
      offset = 4;
    } else if (length === 127) {
      if (buffer.length < 10) return buffer;
      length = Number(buffer.readBigUInt64BE(2));
      offset = 10;
    }
    if (buffer.length < offset + length) return buffer;
    onFrame({ opcode: buffer[0]! & 0xf, payload: buffer.subarray(offset, offset + length) });
    buffer = buffer.subarray(offset + length);
  }
}
