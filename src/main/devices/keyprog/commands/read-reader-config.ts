import { defineCommand, noArgs, type ResultOf } from './command';
import { doorRefusals } from './device-status';
import { readerConfigWire } from './reader-config';

/** READ_READER_CONFIG 0x0B: a reader's settings (reader-config.ts); a lock answers not_a_reader. */
export const readReaderConfig = defineCommand({
  code: 0x0b,
  name: 'READ_READER_CONFIG',
  refusals: [...doorRefusals, 'not_a_reader'],
  args: noArgs,
  data: readerConfigWire,
});
export type ReadReaderConfigResult = ResultOf<typeof readReaderConfig>;
