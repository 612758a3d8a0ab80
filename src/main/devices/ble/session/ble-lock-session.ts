import type { GattConnection } from '../gatt';
import { randomEphemeral, type EphemeralSource } from '../protocol/ephemeral-key';
import { lockKeyBytes, type SessionKeys } from '../protocol/key-schedule';
import type { LockInfo } from '../protocol/lock-info';
import { RecordOpener, RecordSealer } from '../protocol/record';
import { decodeLockContent, encodeRequest } from '../protocol/record-content';
import type { LockMessage } from '../protocol/messages';
import { MAX_PAYLOAD as maxPayloadBytes } from '../../framing/constants';
import type { MessageExchange } from '../../session/message-exchange';
import { ExchangeQueue } from '../../session/exchange-queue';
import { BleSessionError, describeBleError } from './ble-session-error';
import { consoleHandshake } from './console-handshake';
import { LockMessenger } from './lock-messenger';
import { readLockInfo } from './read-lock-info';
import { ConsoleRefusal, defaultSessionTimes, transact, type SessionTimes } from './lock-transaction';
import { openedRecordContent } from './opened-record';

export interface BleLockSessionOptions extends Partial<SessionTimes> {
  /** Where the handshake's key pair comes from; tests pin it. */
  ephemeral?: EphemeralSource;
}

/**
 * Opens an authenticated session with a commissioned lock on `connection`: reads Lock Info,
 * runs the handshake keyed by `lockKey`, and hands back what the key-programmer driver needs.
 * The session owns the connection from then on; if opening fails it is disconnected first.
 */
export async function openBleLockSession(connection: GattConnection, lockKey: Uint8Array, signal: AbortSignal, options: BleLockSessionOptions = {}): Promise<BleLockSession> {
  if (lockKey.length !== lockKeyBytes) throw new RangeError(`A lock key is ${lockKeyBytes} bytes, not ${lockKey.length}`);
  const times = { ...defaultSessionTimes, ...options };
  try {
    const info = await readLockInfo(connection, signal, times.messageTimeoutMs);
    if (!info.commissioned) throw new BleSessionError('not_commissioned', 'console', true);
    const messenger = await LockMessenger.attach(connection);
    const keys = await consoleHandshake(messenger, { mode: 'session', secret: lockKey, serial: info.serial, ephemeral: options.ephemeral ?? randomEphemeral }, signal, times);
    return new BleLockSession(messenger, keys, info, times);
  } catch (error) {
    await connection.disconnect().catch(() => undefined);
    throw error;
  }
}

/**
 * One authenticated session with a Bluetooth lock, carrying key-programmer command payloads
 * in sealed records: the same commands, the same driver, another wire. Exchanges run one at a
 * time in call order. Once it ends (the link dropped, the lock refused something, close()),
 * every exchange fails with why, so a job stops and a later session resumes it.
 */
export class BleLockSession implements MessageExchange {
  private readonly queue = new ExchangeQueue();
  private readonly sealer: RecordSealer;
  private readonly opener: RecordOpener;

  constructor(
    private readonly messenger: LockMessenger,
    keys: SessionKeys,
    readonly lockInfo: LockInfo,
    private readonly times: SessionTimes,
  ) {
    this.sealer = new RecordSealer(keys.consoleToLock, 'console_to_lock');
    this.opener = new RecordOpener(keys.lockToConsole, 'lock_to_console');
  }

  /** False once the session has ended, for whatever reason. */
  get isOpen(): boolean {
    return this.messenger.ended === null;
  }

  async exchange(_command: 'msg', payload: Uint8Array, options: { signal: AbortSignal; timeoutMs?: number }): Promise<{ payload: Uint8Array }> {
    if (payload.length > maxPayloadBytes) throw new BleSessionError('payload_too_large', 'console', true, `A message carries at most ${maxPayloadBytes} bytes, not ${payload.length}`);
    const times = { ...this.times, messageTimeoutMs: options.timeoutMs ?? this.times.messageTimeoutMs };
    try {
      return await this.queue.run(options.signal, async () => {
        const end = this.messenger.ended;
        // Nothing more can be said on an ended session; the error still says what ended it.
        if (end) throw new BleSessionError(end.code === 'closed' ? 'closed' : 'disconnected', 'console', true, end.message ?? describeBleError(end.code, end.source));
        const { record, counter } = this.sealer.seal(encodeRequest(payload));
        const answer = await transact(this.messenger, record, (message) => this.answerTo(counter, message), options.signal, times);
        return { payload: answer };
      });
    } catch (error) {
      // Left the line before its turn: nothing was sent.
      if (!(error instanceof BleSessionError) && options.signal.aborted) throw new BleSessionError('aborted', 'console', true);
      throw error;
    }
  }

  /**
   * A Bluetooth connection is the lock's only one while it lasts (a lock takes one central at a
   * time), so there is no other console to keep out: nothing to lock.
   */
  async lock(): Promise<void> {}

  /** Ends the session and drops the link; the lock forgets its keys and any open stage. */
  async close(): Promise<void> {
    const dropped = this.messenger.fail({ code: 'closed', source: 'console' });
    await this.queue.drained();
    await dropped;
  }

  /** The answer to request `counter`; a late answer to an earlier request is skipped. */
  private answerTo(counter: number, message: LockMessage): { value: Uint8Array } | null {
    const content = decodeLockContent(openedRecordContent(this.opener, message));
    if (content.kind === 'malformed') throw new ConsoleRefusal('protocol', `The lock’s answer could not be read (${content.reason})`);
    if (content.kind !== 'answer') throw new ConsoleRefusal('protocol', `The lock sent ${content.kind} in a session`);
    if (content.answers === counter) return { value: content.payload };
    if (content.answers < counter) return null;
    throw new ConsoleRefusal('protocol', `The lock answered request ${content.answers}, which was never sent`);
  }
}
