import { defineCommand, noData, type Codec, type ResultOf } from './command';
import { writeRefusals } from './device-status';

export interface StageBeginArgs {
  /** The checksum of the table the console's changes apply to; ignored with fromEmpty. */
  baseChecksum: number;
  /** Start the stage from an empty table instead of a copy of the door's (a full rewrite). */
  fromEmpty: boolean;
}

const fromEmptyFlag = 0x01;

const argsWire: Codec<StageBeginArgs> = {
  write(w, a) {
    w.u32(a.baseChecksum, 'base checksum').u8(a.fromEmpty ? fromEmptyFlag : 0, 'flags');
  },
  read(r) {
    const baseChecksum = r.u32('base checksum');
    const flags = r.u8('flags');
    if ((flags & ~fromEmptyFlag) !== 0) r.fail(`unknown stage flags 0x${flags.toString(16)}`);
    return { baseChecksum, fromEmpty: (flags & fromEmptyFlag) !== 0 };
  },
};

/**
 * STAGE_BEGIN 0x05: opens a stage, a working copy of the table, discarding any earlier one.
 * Args: base checksum u32, flags u8 (bit 0: start from an empty table). Refused with
 * checksum_mismatch when the door's table is not the one the console based its changes on
 * (someone else programmed it): the console reads again rather than overwrite what it did not see.
 */
export const stageBegin = defineCommand({
  code: 0x05,
  name: 'STAGE_BEGIN',
  refusals: [...writeRefusals, 'checksum_mismatch'],
  args: argsWire,
  data: noData,
});
export type StageBeginResult = ResultOf<typeof stageBegin>;
