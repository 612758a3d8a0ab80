import { transportCommands, transportErrorOf, type KeepAliveStatus, type TransportCommand } from '../framing/commands';
import { BROADCAST_CHANNEL, MAX_PAYLOAD } from '../framing/constants';
import type { HidMessage } from '../framing/message-assembler';
import { MAX_LOCK_SECONDS, type ProgrammerVersion } from '../framing/transport-payloads';
import type { HidDeviceInfo, HidLink } from '../link';
import { initChannel } from './channel-init';
import { linkedSignal } from './deadline';
import { ExchangeQueue } from './exchange-queue';
import { deviceError, hostError, HidSessionError } from './hid-session-error';
import { writeRequest } from './request-writer';
import { readResponse, type ResponseTimes } from './response-reader';

/** The transport commands a caller exchanges; the rest (INIT, CANCEL, LOCK...) are the session's own. */
export type ExchangeCommand = Extract<TransportCommand, 'msg' | 'ping'>;

export interface HidResponse {
  command: ExchangeCommand;
  payload: Uint8Array;
}

export interface ExchangeOptions {
  signal: AbortSignal;
  /** Longest wait for the answer to start, restarted by each KEEPALIVE; defaults to the session's messageTimeoutMs. */
  timeoutMs?: number;
  /** Overrides the session's onKeepAlive for this exchange (e.g. to show "present the key to the door"). */
  onKeepAlive?: (status: KeepAliveStatus) => void;
}

export interface HidSessionOptions extends Partial<ResponseTimes> {
  /** Bounds opening the session (the first INIT). */
  signal: AbortSignal;
  /** Longest wait for the first INIT's answer; defaults to messageTimeoutMs. */
  timeoutMs?: number;
  onKeepAlive?: (status: KeepAliveStatus) => void;
}

/** 500 ms per report, 3 s per message, keep-alives honoured for at most 30 s. */
export const defaultSessionTimes: ResponseTimes = { reportTimeoutMs: 500, messageTimeoutMs: 3000, maxKeepAliveMs: 30_000 };

/** How long close() spends cancelling and handing back a lock before leaving them to the programmer. */
const LEAVE_BUDGET_MS = 1000;

/**
 * Opens a transport session on a link: INIT on the broadcast channel for a channel of our own.
 * The session owns the link from then on and closes it in close(); if opening fails, the link
 * is closed before the error is thrown.
 */
export async function openHidSession(link: HidLink, options: HidSessionOptions): Promise<HidSession> {
  const session = new HidSession(link, options);
  try {
    await session.start(options.signal, options.timeoutMs);
  } catch (error) {
    await session.close();
    throw error;
  }
  return session;
}

/**
 * A channel on one key-programmer. Exchanges run one at a time in call order. After any
 * failure the next exchange first resynchronises: CANCEL on the old channel (stops work the
 * programmer may still be doing for us), then INIT on it (drops half-sent messages, keeps a
 * lock we hold), or INIT on the broadcast channel if the programmer no longer knows it.
 */
export class HidSession {
  private readonly times: ResponseTimes;
  private readonly queue = new ExchangeQueue();
  private readonly ending = new AbortController();
  private readonly stopWatching: () => void;
  private state: 'open' | 'closed' | 'disconnected' = 'open';
  private channelId: number | null = null;
  private programmerVersion: ProgrammerVersion | null = null;
  private needsResync = true;
  private lockHeld = false;

  constructor(
    private readonly link: HidLink,
    private readonly options: HidSessionOptions,
  ) {
    this.times = { ...defaultSessionTimes, ...definedTimes(options) };
    this.stopWatching = link.onDisconnect(() => this.end('disconnected'));
  }

  get info(): HidDeviceInfo {
    return this.link.info;
  }

  /** The channel the programmer gave us; changes if a resync had to fall back to the broadcast INIT. */
  get channel(): number | null {
    return this.channelId;
  }

  /** What the programmer said about itself in its last INIT answer. */
  get version(): ProgrammerVersion | null {
    return this.programmerVersion;
  }

  /** @internal Used by openHidSession: the first INIT, with its own time limit. */
  async start(signal: AbortSignal, timeoutMs = this.times.messageTimeoutMs): Promise<void> {
    const times = { ...this.times, messageTimeoutMs: timeoutMs };
    await this.inTurn(signal, (combined) => this.resync(combined, times));
  }

  /** Sends a MSG or PING and returns the programmer's answer to it. */
  async exchange(command: ExchangeCommand, payload: Uint8Array, options: ExchangeOptions): Promise<HidResponse> {
    if (payload.length > MAX_PAYLOAD) {
      throw hostError('payload_too_large', false, `A message carries at most ${MAX_PAYLOAD} bytes, not ${payload.length}`);
    }
    const answer = await this.transact(transportCommands[command], payload, options);
    return { command, payload: answer.payload };
  }

  /**
   * Locks the programmer to this channel for 1..10 s (as CTAPHID_LOCK): other channels, in this
   * process or another, get channel_busy until it runs out or is released. A job longer than
   * ten seconds renews it between steps. 0 releases.
   */
  async lock(seconds: number, options: ExchangeOptions): Promise<void> {
    if (!Number.isInteger(seconds) || seconds < 0 || seconds > MAX_LOCK_SECONDS) {
      throw new RangeError(`A lock lasts 0..${MAX_LOCK_SECONDS} whole seconds, not ${seconds}`);
    }
    await this.transact(transportCommands.lock, Uint8Array.of(seconds), options);
    this.lockHeld = seconds > 0;
  }

  releaseLock(options: ExchangeOptions): Promise<void> {
    return this.lock(0, options);
  }

  /** Ends the session: pending exchanges fail with 'closed', work cut short is cancelled, a held lock handed back, the link closed. */
  async close(): Promise<void> {
    if (this.state === 'closed') return;
    const wasOpen = this.state === 'open';
    this.end('closed');
    this.state = 'closed'; // also after a disconnect, so a second close() does nothing
    await this.queue.drained();
    if (wasOpen) await this.leaveQuietly();
    this.stopWatching();
    await this.link.close();
  }

  private end(state: 'closed' | 'disconnected'): void {
    if (this.state !== 'open') return;
    this.state = state;
    this.ending.abort(hostError(state, false));
  }

  private transact(command: number, payload: Uint8Array, options: ExchangeOptions): Promise<HidMessage> {
    return this.inTurn(options.signal, async (signal) => {
      if (this.needsResync) await this.resync(signal, this.times);
      const channelId = this.channelId!;
      await writeRequest(this.link, channelId, command, payload, signal, this.times.reportTimeoutMs);
      const answer = await readResponse({
        ...this.times,
        messageTimeoutMs: options.timeoutMs ?? this.times.messageTimeoutMs,
        link: this.link,
        channelId,
        signal,
        requestSent: true,
        onKeepAlive: options.onKeepAlive ?? this.options.onKeepAlive,
      });
      if (answer.command === transportCommands.error) throw deviceError(transportErrorOf(answer.payload[0] ?? 0));
      if (answer.command !== command) throw hostError('unexpected_response', true);
      return answer;
    });
  }

  /** Runs `work` in its turn, with a signal that also ends when the session does; any failure marks the channel for a resync. */
  private async inTurn<T>(callerSignal: AbortSignal, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const { signal, dispose } = linkedSignal(callerSignal, this.ending.signal);
    try {
      return await this.queue.run(signal, async () => {
        if (this.state !== 'open') throw hostError(this.state, false);
        return await work(signal);
      });
    } catch (error) {
      this.needsResync = true;
      throw this.explain(error, callerSignal);
    } finally {
      dispose();
    }
  }

  private async resync(signal: AbortSignal, times: ResponseTimes): Promise<void> {
    const previous = this.channelId;
    let answer;
    if (previous === null) {
      answer = await initChannel(this.link, BROADCAST_CHANNEL, signal, times);
    } else {
      await writeRequest(this.link, previous, transportCommands.cancel, new Uint8Array(0), signal, times.reportTimeoutMs);
      try {
        answer = await initChannel(this.link, previous, signal, times);
      } catch (error) {
        if (!(error instanceof HidSessionError && error.code === 'invalid_channel')) throw error;
        this.lockHeld = false; // a programmer that forgot the channel forgot its lock too
        answer = await initChannel(this.link, BROADCAST_CHANNEL, signal, times);
      }
    }
    this.channelId = answer.channelId;
    this.programmerVersion = answer.version;
    this.needsResync = false;
  }

  /**
   * On close: stops work the programmer may still be doing for an exchange cut short, and
   * hands back a lock we hold, within a short budget; past it the lock expires by itself
   * within ten seconds.
   */
  private async leaveQuietly(): Promise<void> {
    if (this.channelId === null) return;
    const budget = new AbortController();
    const timer = setTimeout(() => budget.abort(), LEAVE_BUDGET_MS);
    const signal = budget.signal;
    try {
      if (this.lockHeld) {
        if (this.needsResync) await this.resync(signal, this.times);
        await writeRequest(this.link, this.channelId, transportCommands.lock, Uint8Array.of(0), signal, this.times.reportTimeoutMs);
        await readResponse({ ...this.times, link: this.link, channelId: this.channelId, signal, requestSent: true });
      } else if (this.needsResync) {
        await writeRequest(this.link, this.channelId, transportCommands.cancel, new Uint8Array(0), signal, this.times.reportTimeoutMs);
      }
    } catch {
      // Unplugged or stuck: nothing more to hand back.
    } finally {
      clearTimeout(timer);
      this.lockHeld = false;
    }
  }

  /** Folds aborts caused by the session ending into 'closed' or 'disconnected'. */
  private explain(error: unknown, callerSignal: AbortSignal): unknown {
    const ending = this.state === 'open' ? null : this.state;
    if (error instanceof HidSessionError) {
      // retrySafe carries over: it says how far the request got, whoever stopped it.
      if (ending && error.code === 'aborted') return new HidSessionError(ending, 'host', error.retrySafe);
      return error;
    }
    // Left the queue before reaching the device.
    if (ending) return hostError(ending, false);
    if (callerSignal.aborted) return hostError('aborted', false);
    return error;
  }
}

function definedTimes(options: Partial<ResponseTimes>): Partial<ResponseTimes> {
  const times: Partial<ResponseTimes> = {};
  if (options.reportTimeoutMs !== undefined) times.reportTimeoutMs = options.reportTimeoutMs;
  if (options.messageTimeoutMs !== undefined) times.messageTimeoutMs = options.messageTimeoutMs;
  if (options.maxKeepAliveMs !== undefined) times.maxKeepAliveMs = options.maxKeepAliveMs;
  return times;
}
