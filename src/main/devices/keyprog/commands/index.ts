import { abortStage } from './abort-stage';
import { commit } from './commit';
import { describeDoor } from './describe-door';
import { identifyProgrammer } from './identify-programmer';
import { readAudit } from './read-audit';
import { readChecksum } from './read-checksum';
import { readReaderConfig } from './read-reader-config';
import { setClock } from './set-clock';
import { stageBegin } from './stage-begin';
import { stageDelete } from './stage-delete';
import { stagePut } from './stage-put';
import { writeReaderConfig } from './write-reader-config';

/** Every command of the key-programmer's application protocol, by name. */
export const keyProgrammerCommands = {
  identifyProgrammer,
  describeDoor,
  setClock,
  readChecksum,
  stageBegin,
  stagePut,
  stageDelete,
  commit,
  abortStage,
  readAudit,
  readReaderConfig,
  writeReaderConfig,
} as const;
export type CommandName = keyof typeof keyProgrammerCommands;

export * from './abort-stage';
export * from './command';
export * from './commit';
export * from './describe-door';
export * from './device-status';
export * from './identify-programmer';
export * from './read-audit';
export * from './read-checksum';
export * from './read-reader-config';
export * from './reader-config';
export * from './set-clock';
export * from './stage-begin';
export * from './stage-delete';
export * from './stage-put';
export * from './write-reader-config';
