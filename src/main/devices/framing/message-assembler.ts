import { CRC_SIZE, INIT_DATA_SIZE, MAX_MESSAGE_DATA, MAX_SEQUENCE } from './constants';
import { hasValidCrc } from './crc';
import type { Packet } from './packets';

/** A whole message off the wire: its channel, its CMD byte and its payload (CRC checked and removed). */
export interface HidMessage {
  channelId: number;
  command: number;
  payload: Uint8Array;
}

/** Why a message could not be put together; each is also an ERROR code the device can send. */
export type AssemblyError = 'invalid_sequence' | 'invalid_length' | 'crc_mismatch' | 'invalid_channel';

export type AssemblyStep =
  | { status: 'incomplete' }
  | { status: 'complete'; message: HidMessage }
  | { status: 'failed'; error: AssemblyError; command: number | null };

interface MessageInProgress {
  command: number;
  data: Uint8Array;
  received: number;
  nextSequence: number;
}

/**
 * Puts one channel's packets back into messages, one packet at a time, the way both ends need
 * it: the device while a request comes in, the host while a response does. Every way a
 * message can be broken is an answer, not an exception; after a failure the assembler is idle
 * again and waits for a fresh init packet.
 */
export class MessageAssembler {
  private partial: MessageInProgress | null = null;

  constructor(readonly channelId: number) {}

  /** True between an init packet and the message's last continuation. */
  get receiving(): boolean {
    return this.partial !== null;
  }

  /** The CMD byte of the message coming in, if one is. */
  get command(): number | null {
    return this.partial?.command ?? null;
  }

  accept(packet: Packet): AssemblyStep {
    if (packet.channelId !== this.channelId) {
      return { status: 'failed', error: 'invalid_channel', command: this.partial?.command ?? null };
    }
    return packet.kind === 'init' ? this.begin(packet) : this.continueWith(packet);
  }

  /** Drops a message half received (the host cancelled, or the device gave up waiting). */
  reset(): void {
    this.partial = null;
  }

  private begin(packet: Extract<Packet, { kind: 'init' }>): AssemblyStep {
    // A new init packet in the middle of a message means packets were lost or reordered.
    if (this.partial) return this.fail('invalid_sequence', this.partial.command);
    if (packet.byteCount < CRC_SIZE || packet.byteCount > MAX_MESSAGE_DATA) {
      return this.fail('invalid_length', packet.command);
    }
    const data = new Uint8Array(packet.byteCount);
    const take = Math.min(packet.byteCount, INIT_DATA_SIZE);
    data.set(packet.data.subarray(0, take));
    this.partial = { command: packet.command, data, received: take, nextSequence: 0 };
    return this.finishIfWhole();
  }

  private continueWith(packet: Extract<Packet, { kind: 'continuation' }>): AssemblyStep {
    const partial = this.partial;
    if (!partial) return this.fail('invalid_sequence', null);
    if (packet.sequence !== partial.nextSequence || packet.sequence > MAX_SEQUENCE) {
      return this.fail('invalid_sequence', partial.command);
    }
    const take = Math.min(partial.data.length - partial.received, packet.data.length);
    partial.data.set(packet.data.subarray(0, take), partial.received);
    partial.received += take;
    partial.nextSequence += 1;
    return this.finishIfWhole();
  }

  private finishIfWhole(): AssemblyStep {
    const partial = this.partial!;
    if (partial.received < partial.data.length) return { status: 'incomplete' };
    this.partial = null;
    if (!hasValidCrc(partial.command, partial.data)) return this.fail('crc_mismatch', partial.command);
    const payload = partial.data.subarray(0, partial.data.length - CRC_SIZE);
    return { status: 'complete', message: { channelId: this.channelId, command: partial.command, payload } };
  }

  private fail(error: AssemblyError, command: number | null): AssemblyStep {
    this.partial = null;
    return { status: 'failed', error, command };
  }
}
