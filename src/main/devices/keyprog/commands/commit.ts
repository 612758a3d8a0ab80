import { defineCommand, type ResultOf } from './command';
import { writeRefusals } from './device-status';

export interface CommitArgs {
  /** tableChecksum of the table the console staged. */
  expectedChecksum: number;
}

export interface CommittedTable {
  version: number;
  checksum: number;
}

/**
 * COMMIT 0x08: swaps the staged table in, atomically. Args: expected checksum u32. The swap
 * happens only when the stage's checksum equals it, so a lost or doubled STAGE_PUT can never
 * become the door's table; otherwise checksum_mismatch and the old table stays (and the stage,
 * to be corrected). Answer: new table version u32, checksum u32. The stage is closed after.
 * A commit whose answer never came may or may not have swapped: READ_CHECKSUM tells which.
 */
export const commit = defineCommand({
  code: 0x08,
  name: 'COMMIT',
  refusals: [...writeRefusals, 'not_staged', 'checksum_mismatch'],
  args: {
    write: (w, a: CommitArgs) => void w.u32(a.expectedChecksum, 'expected checksum'),
    read: (r) => ({ expectedChecksum: r.u32('expected checksum') }),
  },
  data: {
    write: (w, t: CommittedTable) => void w.u32(t.version, 'table version').u32(t.checksum, 'table checksum'),
    read: (r) => ({ version: r.u32('table version'), checksum: r.u32('table checksum') }),
  },
});
export type CommitResult = ResultOf<typeof commit>;
