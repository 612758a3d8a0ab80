import { defineCommand, noArgs, type Codec, type ResultOf } from './command';
import { doorRefusals } from './device-status';

/** What the console compares with the table it meant the door to hold. */
export interface TableState {
  /** Counts commits: +1 each time a staged table replaces the old one. */
  version: number;
  /** tableChecksum (credential-table.ts) of the door's table. */
  checksum: number;
  usedSlots: number;
}

/** version u32, checksum u32, used slots u16. */
export const tableStateWire: Codec<TableState> = {
  write(w, t) {
    w.u32(t.version, 'table version').u32(t.checksum, 'table checksum').u16(t.usedSlots, 'used slots');
  },
  read: (r) => ({ version: r.u32('table version'), checksum: r.u32('table checksum'), usedSlots: r.u16('used slots') }),
};

/** READ_CHECKSUM 0x04: the door's committed table, in 11 bytes. */
export const readChecksum = defineCommand({
  code: 0x04,
  name: 'READ_CHECKSUM',
  refusals: doorRefusals,
  args: noArgs,
  data: tableStateWire,
});
export type ReadChecksumResult = ResultOf<typeof readChecksum>;
