import { defineCommand, noArgs, type Codec, type ResultOf } from './command';

export interface ProgrammerIdentity {
  model: string;
  serial: string;
  firmware: string;
  /** The application protocol the programmer speaks (this console: appProtocolVersion). */
  protocolVersion: number;
}

const identityWire: Codec<ProgrammerIdentity> = {
  write(w, id) {
    w.text(id.model, 'model').text(id.serial, 'serial').text(id.firmware, 'firmware').u8(id.protocolVersion, 'protocol version');
  },
  read: (r) => ({ model: r.text('model'), serial: r.text('serial'), firmware: r.text('firmware'), protocolVersion: r.u8('protocol version') }),
};

/**
 * IDENTIFY_PROGRAMMER 0x01: the programmer itself, door or no door. The console checks the
 * protocol version before anything else.
 * Answer: model text, serial text, firmware text (each u8 length + ASCII), protocol version u8.
 */
export const identifyProgrammer = defineCommand({
  code: 0x01,
  name: 'IDENTIFY_PROGRAMMER',
  refusals: ['invalid_arguments'],
  args: noArgs,
  data: identityWire,
});
export type IdentifyProgrammerResult = ResultOf<typeof identifyProgrammer>;
