import { H4, readU16 } from './hci-wire';

/** What the host sends a controller over H4. */
export type HostPacket =
  | { kind: 'command'; opcode: number; params: Uint8Array }
  | { kind: 'acl'; handle: number; boundary: number; data: Uint8Array };

/**
 * Cuts the host's byte stream into packets. A serial line delivers bytes in arbitrary chunks, so
 * a packet may span several pushes, or one push may hold several packets.
 */
export class H4Reader {
  private pending: Uint8Array = new Uint8Array();

  /** Bytes the reader could not place (an unknown packet type): skipped one at a time. */
  skipped = 0;

  push(chunk: Uint8Array): HostPacket[] {
    this.pending = this.pending.length === 0 ? chunk : concat(this.pending, chunk);
    const packets: HostPacket[] = [];
    for (;;) {
      const type = this.pending[0];
      if (type === undefined) break;
      const size = packetSize(this.pending);
      if (size === 'unknown') {
        // A real controller would lose sync here; the simulation skips the byte and carries on.
        this.pending = this.pending.subarray(1);
        this.skipped += 1;
        continue;
      }
      if (size === 'incomplete' || this.pending.length < size) break;
      const packet = this.pending.slice(0, size);
      this.pending = this.pending.subarray(size);
      packets.push(parse(packet));
    }
    return packets;
  }
}

function packetSize(bytes: Uint8Array): number | 'incomplete' | 'unknown' {
  switch (bytes[0]) {
    case H4.command:
      return bytes.length < 4 ? 'incomplete' : 4 + (bytes[3] ?? 0);
    case H4.acl:
      return bytes.length < 5 ? 'incomplete' : 5 + readU16(bytes, 3);
    default:
      return 'unknown';
  }
}

function parse(packet: Uint8Array): HostPacket {
  if (packet[0] === H4.command) return { kind: 'command', opcode: readU16(packet, 1), params: packet.subarray(4) };
  const header = readU16(packet, 1);
  return { kind: 'acl', handle: header & 0x0fff, boundary: (header >> 12) & 0b11, data: packet.subarray(5) };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}
