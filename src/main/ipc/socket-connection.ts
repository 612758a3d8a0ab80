import type { RawData, WebSocket } from 'ws';
import { maxPayloadDepth, nestsDeeperThan } from '../../shared/contract';
import type { Envelope } from '../../shared/envelope';
import type { ClientFrame, ServerFrame } from '../../shared/wire';
import type { Core } from '../core-types';

/**
 * Bounds on one tab's connection. A client that sends calls and never reads the answers
 * is cut off once this much is queued for it, before its next call runs, so the host's
 * memory stays flat. The largest answers (a 10,000-unit bulk grant's outcomes) are about 1 MiB.
 */
export const maxUnreadBytes = 8 * 1024 * 1024;
/** Calls of one tab run at once (a slow one, a sync round, does not hold up the grid's pages). */
export const maxCallsInFlight = 16;
/** Calls read and waiting to run; past this the host stops reading the tab's frames. */
export const maxCallsWaiting = 64;

/** Close codes (RFC 6455) this carrier sends itself; ws sends 1002, 1007 and 1009 for bad frames. */
export const closeCodes = { binaryFrame: 1003, notACall: 1008 } as const;

const internalFailure: Envelope<never> = {
  ok: false,
  error: { code: 'internal', message: 'The console core failed to answer. Details are in the host’s log.' },
};

/** A text frame as a contract call, or null when it is not one (not JSON, no numeric id, too deep). */
function readCall(data: RawData): ClientFrame | null {
  let frame: unknown;
  try {
    frame = JSON.parse(String(data));
  } catch {
    return null;
  }
  // The frame wraps the payload in one more level, so it may nest one deeper.
  if (typeof frame !== 'object' || frame === null || nestsDeeperThan(frame, maxPayloadDepth + 1)) return null;
  const { id } = frame as Partial<ClientFrame>;
  return typeof id === 'number' && Number.isSafeInteger(id) ? (frame as ClientFrame) : null;
}

/**
 * Serves one tab over its WebSocket: each call through the core's dispatch, each answer and
 * event back, until the tab goes. Nothing the tab sends can end the process: ws closes the
 * connection itself on a malformed frame (and reports it as 'error', handled here), and every
 * call settles as an envelope.
 */
export function serveSocketConnection(ws: WebSocket, core: Pick<Core, 'connect' | 'onEvent'>, source: string): void {
  // Each tab has its own connection, so its own signed-in staff member.
  const connection = core.connect(source);
  const waiting: ClientFrame[] = [];
  let running = 0;
  let paused = false;

  /** Cut off: a close frame would wait behind what it has not read, so the socket just goes. */
  const unread = (): boolean => {
    if (ws.bufferedAmount <= maxUnreadBytes) return false;
    ws.terminate();
    return true;
  };

  const send = (frame: ServerFrame): void => {
    if (ws.readyState !== ws.OPEN || unread()) return;
    try {
      ws.send(JSON.stringify(frame));
    } catch (error) {
      console.error('[porter] an answer could not be sent over the WebSocket:', error);
      ws.terminate();
    }
  };

  const run = async ({ id, command, input }: ClientFrame): Promise<void> => {
    let envelope: Envelope<unknown>;
    try {
      envelope = await connection.dispatch(command, input);
    } catch (error) {
      // dispatch answers envelopes by contract; anything thrown past it stays in the host.
      console.error('[porter] a call over the WebSocket threw:', error);
      envelope = internalFailure;
    }
    send({ id, envelope });
  };

  /** Starts waiting calls while there is room, each only if the tab has read its earlier answers. */
  const pump = (): void => {
    while (running < maxCallsInFlight && waiting.length > 0) {
      if (ws.readyState !== ws.OPEN || unread()) {
        waiting.length = 0;
        return;
      }
      running++;
      void run(waiting.shift()!).then(() => {
        running--;
        // The next call waits a turn of the event loop, so other tabs are served in between.
        setImmediate(pump);
      });
    }
    if (paused && waiting.length < maxCallsWaiting) {
      paused = false;
      ws.resume();
    }
  };

  const unsubscribe = core.onEvent((event, payload) => send({ event, payload }));
  // ws has already sent the close code the protocol gives (1002, 1007, 1009) and is closing.
  ws.on('error', () => undefined);
  ws.on('message', (data, isBinary) => {
    if (isBinary) return ws.close(closeCodes.binaryFrame, 'Frames are text');
    const call = readCall(data);
    if (!call) return ws.close(closeCodes.notACall, 'Frames are contract calls: JSON with a numeric id');
    waiting.push(call);
    if (waiting.length >= maxCallsWaiting && !paused) {
      paused = true;
      ws.pause();
    }
    pump();
  });
  ws.on('close', () => {
    unsubscribe();
    connection.close();
  });
}
