import { defineCommand, noData, type ResultOf } from './command';
import { writeRefusals } from './device-status';
import { readerConfigWire } from './reader-config';

/**
 * WRITE_READER_CONFIG 0x0C: replaces a reader's settings whole (reader-config.ts). A lock answers
 * not_a_reader; more unlocked windows than the reader holds, schedule_unsupported.
 */
export const writeReaderConfig = defineCommand({
  code: 0x0c,
  name: 'WRITE_READER_CONFIG',
  refusals: [...writeRefusals, 'not_a_reader', 'schedule_unsupported'],
  args: readerConfigWire,
  data: noData,
});
export type WriteReaderConfigResult = ResultOf<typeof writeReaderConfig>;
