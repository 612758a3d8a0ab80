import { assertNever } from '../../src/shared/errors';
import {
  keepAliveStatuses,
  transportCommandOf,
  transportCommands,
  transportErrors,
  type KeepAliveStatus,
  type TransportError,
} from '../../src/main/devices/framing/commands';
import { BROADCAST_CHANNEL, CRC_SIZE, MAX_PAYLOAD } from '../../src/main/devices/framing/constants';
import { MessageAssembler, type AssemblyStep, type HidMessage } from '../../src/main/devices/framing/message-assembler';
import type { Packet } from '../../src/main/devices/framing/packets';
import { encodeInitResponse, INIT_NONCE_SIZE, MAX_LOCK_SECONDS, type ProgrammerVersion } from '../../src/main/devices/framing/transport-payloads';
import { SimChannelTable } from './sim-hid-channels';

/** What the application handler may tell the host while it works, through KEEPALIVE. */
export interface KeepAliveControl {
  setStatus(status: KeepAliveStatus): void;
}

/**
 * The programmer's application: gets a whole MSG payload, answers one. The signal aborts when
 * the host cancels, resynchronises or the programmer is unplugged; a handler that throws is
 * answered ERROR other.
 */
export type ApplicationHandler = (payload: Uint8Array, signal: AbortSignal, keepAlive: KeepAliveControl) => Promise<Uint8Array>;

export interface FirmwareSettings {
  version: ProgrammerVersion;
  /** The longest gap between two packets of a request before ERROR message_timeout. */
  reassemblyTimeoutMs: number;
  keepAliveIntervalMs: number;
  /** When true, MSG needs the channel to hold the LOCK (ERROR lock_required otherwise). */
  msgRequiresLock: boolean;
}

export interface FirmwarePorts {
  send(channelId: number, command: number, payload: Uint8Array): void;
  handler(): ApplicationHandler;
  clock(): number;
}

interface Transaction {
  channelId: number;
  assembler: MessageAssembler;
  stage: 'receiving' | 'working';
  timer?: ReturnType<typeof setTimeout>;
  work?: AbortController;
}

/**
 * The transport half of the key-programmer's firmware, packet in, packet out: one transaction
 * at a time across all channels (a request coming in, or the application working on it);
 * every other channel meanwhile, and while another channel holds the lock, gets channel_busy.
 * INIT is answered at any time, since it only hands out or resets a channel.
 */
export class SimHidFirmware {
  private readonly channels: SimChannelTable;
  private transaction: Transaction | null = null;

  constructor(
    private readonly settings: FirmwareSettings,
    private readonly ports: FirmwarePorts,
  ) {
    this.channels = new SimChannelTable(ports.clock);
  }

  receive(packet: Packet): void {
    if (packet.kind === 'continuation') return this.continueRequest(packet);
    const cid = packet.channelId;
    if (packet.command === transportCommands.init) return this.init(packet);
    if (cid === BROADCAST_CHANNEL || !this.channels.has(cid)) return this.fail(cid, 'invalid_channel');
    if (packet.command === transportCommands.cancel) return this.cancel(packet);
    const current = this.transaction;
    const holder = this.channels.lockHolder();
    if ((current && current.channelId !== cid) || (holder !== null && holder !== cid)) return this.fail(cid, 'channel_busy');
    if (current?.stage === 'working') return this.fail(cid, 'channel_busy');
    if (current) return this.step(current, current.assembler.accept(packet)); // an init packet mid-message: invalid_sequence
    const started: Transaction = { channelId: cid, assembler: new MessageAssembler(cid), stage: 'receiving' };
    this.transaction = started;
    this.step(started, started.assembler.accept(packet));
  }

  /** Power lost: the application is stopped, channels and lock forgotten. */
  reset(): void {
    if (this.transaction) this.end(this.transaction);
    this.channels.reset();
  }

  private continueRequest(packet: Extract<Packet, { kind: 'continuation' }>): void {
    const current = this.transaction;
    // The tail of a message already refused (busy, bad length) or cancelled: CTAPHID ignores it.
    if (!current || current.stage !== 'receiving' || current.channelId !== packet.channelId) return;
    this.step(current, current.assembler.accept(packet));
  }

  private step(transaction: Transaction, step: AssemblyStep): void {
    clearTimeout(transaction.timer);
    switch (step.status) {
      case 'incomplete':
        transaction.timer = setTimeout(() => {
          this.end(transaction);
          this.fail(transaction.channelId, 'message_timeout');
        }, this.settings.reassemblyTimeoutMs);
        return;
      case 'failed':
        this.end(transaction);
        return this.fail(transaction.channelId, step.error);
      case 'complete':
        return this.execute(transaction, step.message);
      default:
        return assertNever(step, 'assembly step');
    }
  }

  private execute(transaction: Transaction, message: HidMessage): void {
    const cid = transaction.channelId;
    const command = transportCommandOf(message.command);
    switch (command) {
      case 'ping':
        this.end(transaction);
        return this.ports.send(cid, transportCommands.ping, message.payload);
      case 'lock':
        this.end(transaction);
        return this.lock(cid, message.payload);
      case 'msg':
        if (this.settings.msgRequiresLock && this.channels.lockHolder() !== cid) {
          this.end(transaction);
          return this.fail(cid, 'lock_required');
        }
        return this.runApplication(transaction, message.payload);
      // INIT and CANCEL never get here (they are handled on their init packet); KEEPALIVE and
      // ERROR only ever travel to the host.
      case 'init':
      case 'cancel':
      case 'keepalive':
      case 'error':
      case null:
        this.end(transaction);
        return this.fail(cid, 'invalid_command');
      default:
        return assertNever(command, 'transport command');
    }
  }

  private init(packet: Extract<Packet, { kind: 'init' }>): void {
    const cid = packet.channelId;
    if (packet.byteCount !== INIT_NONCE_SIZE + CRC_SIZE) return this.fail(cid, 'invalid_length');
    const step = new MessageAssembler(cid).accept(packet);
    if (step.status === 'failed') return this.fail(cid, step.error);
    if (step.status !== 'complete') return this.fail(cid, 'invalid_length');
    const nonce = step.message.payload;
    let channelId: number;
    if (cid === BROADCAST_CHANNEL) channelId = this.channels.allocate();
    else if (this.channels.has(cid)) {
      channelId = cid; // a resync: whatever the channel was doing is dropped, its lock kept
      if (this.transaction?.channelId === cid) this.end(this.transaction);
    } else return this.fail(cid, 'invalid_channel');
    const answer = encodeInitResponse({ nonce, channelId, version: this.settings.version });
    this.ports.send(cid, transportCommands.init, answer);
  }

  /** CANCEL is never answered: the cancelled request ends without an answer. */
  private cancel(packet: Extract<Packet, { kind: 'init' }>): void {
    const step = new MessageAssembler(packet.channelId).accept(packet);
    if (step.status !== 'complete') return; // a broken CANCEL is ignored; the host's INIT follows anyway
    if (this.transaction?.channelId === packet.channelId) this.end(this.transaction);
  }

  private lock(cid: number, payload: Uint8Array): void {
    if (payload.length !== 1) return this.fail(cid, 'invalid_length');
    const seconds = payload[0]!;
    if (seconds > MAX_LOCK_SECONDS) return this.fail(cid, 'invalid_parameter');
    this.channels.setLock(cid, seconds);
    this.ports.send(cid, transportCommands.lock, new Uint8Array(0));
  }

  private runApplication(transaction: Transaction, payload: Uint8Array): void {
    const cid = transaction.channelId;
    const work = new AbortController();
    transaction.stage = 'working';
    transaction.work = work;
    let status: KeepAliveStatus = 'processing';
    const keepAlive = setInterval(() => {
      this.ports.send(cid, transportCommands.keepalive, Uint8Array.of(keepAliveStatuses[status]));
    }, this.settings.keepAliveIntervalMs);
    work.signal.addEventListener('abort', () => clearInterval(keepAlive), { once: true });
    const control: KeepAliveControl = { setStatus: (next) => (status = next) };

    const answer = (send: () => void) => {
      if (work.signal.aborted) return; // cancelled, resynchronised or unplugged: nobody waits
      this.end(transaction);
      send();
    };
    // Started on the next microtask, so a handler that throws at once is answered like one
    // that rejects; a request cancelled before then never reaches the application.
    Promise.resolve()
      .then(() => (work.signal.aborted ? new Uint8Array(0) : this.ports.handler()(payload.slice(), work.signal, control)))
      .then(
        (result) =>
          answer(() =>
            result.length > MAX_PAYLOAD ? this.fail(cid, 'other') : this.ports.send(cid, transportCommands.msg, result),
          ),
        () => answer(() => this.fail(cid, 'other')),
      );
  }

  private end(transaction: Transaction): void {
    clearTimeout(transaction.timer);
    transaction.work?.abort();
    if (this.transaction === transaction) this.transaction = null;
  }

  private fail(channelId: number, error: TransportError): void {
    this.ports.send(channelId, transportCommands.error, Uint8Array.of(transportErrors[error]));
  }
}
