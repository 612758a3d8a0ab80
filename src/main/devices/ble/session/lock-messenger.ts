import { BleLinkError, type GattConnection } from '../gatt';
import { untilAborted } from '../../session/deadline';
import { decodeLockMessage, type LockMessage } from '../protocol/messages';
import { controlPointUuid, responseUuid } from '../protocol/lock-service';
import { SegmentAssembler, segmentMessage } from '../protocol/segments';
import { linkFailure, type BleErrorSource, type BleSessionErrorCode } from './ble-session-error';

/** Why a session ended, kept so every wait cut short by it can say so. */
export interface SessionEnd {
  code: BleSessionErrorCode;
  source: BleErrorSource;
  message?: string;
}

/** The reason `endSignal` aborts with. */
export class SessionEnded extends Error {
  constructor(readonly end: SessionEnd) {
    super(end.message ?? end.code);
    this.name = 'SessionEnded';
  }
}

/**
 * The console's end of the lock's GATT service, below the crypto: whole messages out as
 * Write Requests to the Control Point, whole messages in from Response notifications. A lock's
 * ERROR, a segment out of order or the link dropping ends it for good; `endSignal` aborts then.
 */
export class LockMessenger {
  private readonly assembler: SegmentAssembler;
  private readonly inbox: LockMessage[] = [];
  private wake: (() => void) | null = null;
  private readonly ending = new AbortController();
  private readonly stopWatching: () => void;
  /** Called for every segment heard: any sign of life from the lock restarts an exchange's wait. */
  onSegment: (() => void) | null = null;

  private constructor(private readonly connection: GattConnection) {
    this.assembler = new SegmentAssembler(connection.mtu);
    this.stopWatching = connection.onDisconnect((reason) => this.end({ code: 'disconnected', source: 'console', message: `The Bluetooth link to the lock dropped (${reason})` }));
  }

  static async attach(connection: GattConnection): Promise<LockMessenger> {
    const messenger = new LockMessenger(connection);
    try {
      await connection.subscribe(responseUuid, (value) => messenger.heard(value));
    } catch (error) {
      messenger.end({ code: 'protocol', source: 'console' });
      throw error instanceof BleLinkError ? linkFailure(error, true) : error;
    }
    return messenger;
  }

  get endSignal(): AbortSignal {
    return this.ending.signal;
  }

  get ended(): SessionEnd | null {
    return this.ending.signal.aborted ? (this.ending.signal.reason as SessionEnded).end : null;
  }

  /** Writes the message's segments in order; `beforeWrite` runs before each (to restart a timer, to note the last going out). */
  async send(message: Uint8Array, signal: AbortSignal, beforeWrite: (last: boolean) => void): Promise<void> {
    const segments = segmentMessage(message, this.connection.mtu);
    for (const [i, segment] of segments.entries()) {
      signal.throwIfAborted();
      beforeWrite(i === segments.length - 1);
      // untilAborted: a stack that ignores the signal must not hold the exchange past its time.
      await untilAborted(this.connection.write(controlPointUuid, segment, signal), signal);
    }
  }

  /** The next message from the lock other than ERROR; rejects with the signal's reason. */
  async receive(signal: AbortSignal): Promise<LockMessage> {
    for (;;) {
      const next = this.inbox.shift();
      if (next) return next;
      this.ending.signal.throwIfAborted();
      signal.throwIfAborted();
      await new Promise<void>((resolve) => {
        const stop = () => {
          signal.removeEventListener('abort', stop);
          this.wake = null;
          resolve();
        };
        this.wake = stop;
        signal.addEventListener('abort', stop, { once: true });
      });
    }
  }

  /** Ends the session from this side and drops the link: the lock forgets its keys and stage. Resolves once dropped. */
  fail(end: SessionEnd): Promise<void> {
    if (this.ended) return Promise.resolve();
    this.end(end);
    return this.connection.disconnect().catch(() => undefined);
  }

  private heard(segment: Uint8Array): void {
    if (this.ended) return;
    this.onSegment?.();
    const step = this.assembler.push(segment);
    if (step.kind === 'partial') return;
    if (step.kind === 'refused') return void this.fail({ code: 'protocol', source: 'console', message: `The lock sent broken segments (${step.detail})` });
    const message = decodeLockMessage(step.message);
    if (message.type === 'malformed') return void this.fail({ code: 'protocol', source: 'console', message: `The lock sent a message that could not be read (${message.reason})` });
    // The lock hangs up right after ERROR; ending here says why before the disconnect does.
    if (message.type === 'error') return void this.fail({ code: message.code, source: 'lock' });
    this.inbox.push(message);
    this.wake?.();
  }

  private end(end: SessionEnd): void {
    if (this.ended) return;
    this.ending.abort(new SessionEnded(end));
    this.stopWatching();
    this.wake?.();
  }
}
