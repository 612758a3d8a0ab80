import { messageType } from '../../../src/main/devices/ble/protocol/messages';

const firstSegment = 0x80;
const lastSegment = 0x40;

/**
 * Between the lock's radio and its firmware: where an attacker's changes land. It remembers
 * the writes of the last sealed message so one can be delivered again, and can flip a byte.
 */
export class ReceiveTap {
  private current: Uint8Array[] = [];
  private lastSealed: Uint8Array[] | null = null;
  private tamperNext = false;
  private replayNext = false;

  tamper(): void {
    this.tamperNext = true;
  }

  replay(): void {
    this.replayNext = true;
  }

  /** A new connection: nothing recorded on the last one can be replayed into this one's keys. */
  reset(): void {
    this.current = [];
    this.lastSealed = null;
  }

  /** The writes the firmware receives for this one write from the console, in order. */
  pass(write: Uint8Array): Uint8Array[] {
    const delivered: Uint8Array[] = [];
    const header = write[0] ?? 0;
    if (this.replayNext && (header & firstSegment) !== 0 && this.lastSealed) {
      this.replayNext = false;
      delivered.push(...this.lastSealed);
    }
    let arriving = write;
    if (this.tamperNext && write.length > 1) {
      this.tamperNext = false;
      arriving = Uint8Array.from(write);
      const last = arriving.length - 1;
      arriving[last] = (arriving[last] ?? 0) ^ 0x01;
    }
    this.remember(write);
    delivered.push(arriving);
    return delivered;
  }

  private remember(write: Uint8Array): void {
    const header = write[0] ?? 0;
    if ((header & firstSegment) !== 0) this.current = [];
    this.current.push(Uint8Array.from(write));
    if ((header & lastSegment) !== 0 && this.current[0]?.[1] === messageType.sealed) this.lastSealed = this.current;
  }
}
