import { defineCommand, noArgs, noData, type ResultOf } from './command';
import { doorRefusals } from './device-status';

/**
 * ABORT_STAGE 0x09: discards the stage; the table is untouched. Answered ok with or without a
 * stage, so a driver can send it when cleaning up after any failure.
 */
export const abortStage = defineCommand({
  code: 0x09,
  name: 'ABORT_STAGE',
  refusals: doorRefusals,
  args: noArgs,
  data: noData,
});
export type AbortStageResult = ResultOf<typeof abortStage>;
