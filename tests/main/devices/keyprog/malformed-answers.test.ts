import { describe, expect, it } from 'vitest';
import { deviceStatuses, keyProgrammerCommands, type CommandName, type KeyProgrammerCommand } from '../../../../src/main/devices/keyprog/commands';
import { hex } from './hex';
import { samples } from './samples';

/** The commands with their samples, loosened to one type so one loop can run them all. */
type AnyCommand = KeyProgrammerCommand<unknown, { status: 'ok' }>;
const all = (Object.keys(keyProgrammerCommands) as CommandName[]).map((name) => ({
  name,
  command: keyProgrammerCommands[name] as unknown as AnyCommand,
  sample: samples[name] as { args: unknown; ok: { status: 'ok' } },
}));

describe.each(all)('$name', ({ command, sample }) => {
  const okAnswer = command.encodeResult(sample.ok);

  it('decodes its own ok answer and reads its own arguments', () => {
    expect(command.decode(okAnswer)).toEqual(sample.ok);
    expect(command.decodeArgs(command.encode(sample.args))).toEqual({ ok: true, args: sample.args });
    expect(command.encode(sample.args)[0]).toBe(command.code);
  });

  it('finds an empty answer malformed', () => {
    expect(command.decode(new Uint8Array())).toEqual({ status: 'malformed', reason: `${command.name}: empty answer` });
  });

  it('finds an unknown status malformed', () => {
    expect(command.decode(hex('ee'))).toEqual({ status: 'malformed', reason: `${command.name}: status 0xee is unknown` });
  });

  it('finds a status this command never answers malformed', () => {
    const foreign = deviceStatuses.names.find((s) => s !== 'ok' && !command.refusals.includes(s));
    if (!foreign) throw new Error('every command has statuses it never answers');
    expect(command.decode(Uint8Array.of(deviceStatuses.codes[foreign]))).toEqual({
      status: 'malformed',
      reason: `${command.name}: answered ${foreign}, which it never does`,
    });
  });

  it('finds a short ok answer malformed', () => {
    if (okAnswer.length === 1) return; // nothing after the status to cut
    for (let length = 1; length < okAnswer.length; length++) {
      expect(command.decode(okAnswer.subarray(0, length))).toMatchObject({ status: 'malformed', reason: expect.stringMatching(/ends before/) });
    }
  });

  it('finds bytes after an answer malformed', () => {
    const longer = Uint8Array.from([...okAnswer, 0x00]);
    expect(command.decode(longer)).toEqual({ status: 'malformed', reason: `${command.name}: 1 unexpected trailing bytes` });
    expect(command.decode(hex('09 00'))).toEqual({ status: 'malformed', reason: `${command.name}: 1 unexpected trailing bytes` }); // invalid_arguments + a stray byte
  });

  it('answers door_busy and invalid_arguments as data', () => {
    if (command.refusals.includes('door_busy')) expect(command.decode(hex('0a'))).toEqual({ status: 'door_busy' });
    expect(command.decode(hex('09'))).toEqual({ status: 'invalid_arguments' });
  });

  it('does not read another command payload as its own', () => {
    const other = Uint8Array.from([command.code === 1 ? 2 : 1]);
    expect(command.decodeArgs(other)).toMatchObject({ ok: false });
  });
});

describe('malformed answers with bad values', () => {
  const { describeDoor, readAudit, identifyProgrammer } = keyProgrammerCommands;
  const describeAnswer = () => Array.from(describeDoor.encodeResult(samples.describeDoor.ok));

  it('reports an unknown door kind', () => {
    const bytes = describeAnswer();
    bytes[1] = 0x07;
    expect(describeDoor.decode(Uint8Array.from(bytes))).toEqual({ status: 'malformed', reason: 'DESCRIBE_DOOR: door kind 0x07 is unknown' });
  });

  it('reports a battery over 100 %', () => {
    const bytes = describeAnswer();
    bytes[1 + 1 + 12 + 6 + 6] = 101; // after status, kind and three texts
    expect(describeDoor.decode(Uint8Array.from(bytes))).toEqual({ status: 'malformed', reason: 'DESCRIBE_DOOR: battery at 101 %' });
  });

  it('reports a text that is not ASCII', () => {
    expect(identifyProgrammer.decode(hex('00 01 ff 00 00 01'))).toEqual({ status: 'malformed', reason: 'IDENTIFY_PROGRAMMER: model is not printable ASCII' });
  });

  it('reports an unknown audit event and a more flag that is not a flag', () => {
    expect(readAudit.decode(hex('00 01 00', '01 00 00 00 00 00 00 00 09 ff ff'))).toMatchObject({ reason: 'READ_AUDIT: audit event 0x09 is unknown' });
    expect(readAudit.decode(hex('00 00 02'))).toMatchObject({ reason: 'READ_AUDIT: more is 2, not 0 or 1' });
  });
});
