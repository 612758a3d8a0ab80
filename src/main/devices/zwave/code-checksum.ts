import { CRC16_CCITT } from '@zwave-js/core';

/** A slot as it counts in the checksum: its status (1 enabled, 2 disabled) and its code. */
export interface ChecksumSlot {
  slot: number;
  status: 1 | 2;
  code: string;
}

/**
 * The User Code Checksum (User Code CC v2): CRC-CCITT (polynomial 0x1021, initial value
 * 0x1D0F) over, for each occupied slot in ascending order, its user id (2 bytes, MSB
 * first), its status (1 byte) and its code's ASCII bytes. A lock with no codes answers 0x0000.
 */
export function userCodeChecksum(slots: readonly ChecksumSlot[]): number {
  const occupied = slots.filter((s) => s.code.length > 0).sort((a, b) => a.slot - b.slot);
  if (occupied.length === 0) return 0;
  const bytes = Buffer.concat(
    occupied.map((s) => {
      const head = Buffer.alloc(3);
      head.writeUInt16BE(s.slot, 0);
      head[2] = s.status;
      return Buffer.concat([head, Buffer.from(s.code, 'ascii')]);
    }),
  );
  return CRC16_CCITT(new Uint8Array(bytes));
}
