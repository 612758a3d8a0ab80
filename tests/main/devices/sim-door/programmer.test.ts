import { describe, expect, it } from 'vitest';
import { keyProgrammerCommands, commit, describeDoor, identifyProgrammer, readChecksum, stageBegin, stagePut } from '../../../../src/main/devices/keyprog/commands';
import { tableChecksum } from '../../../../src/main/devices/keyprog/credential-table';
import { SimDoor } from '../../../../simulators/devices/sim-door';
import { SimKeyProgrammer } from '../../../../simulators/devices/sim-key-programmer';
import { hex } from '../keyprog/hex';
import { samples } from '../keyprog/samples';
import { model, pinEntry, rig } from './rig';

const signal = new AbortController().signal;

describe('the simulated key-programmer', () => {
  it('identifies itself, door or no door', async () => {
    const programmer = new SimKeyProgrammer({ identity: { serial: 'PKP1-4242' } });
    expect(identifyProgrammer.decode(await programmer.handle(identifyProgrammer.encode(), signal))).toEqual({
      status: 'ok',
      model: 'PKP-1',
      serial: 'PKP1-4242',
      firmware: '1.0.0',
      protocolVersion: 1,
    });
  });

  it('answers no_door_attached to every door command with nothing on its cable', async () => {
    const programmer = new SimKeyProgrammer();
    for (const [name, command] of Object.entries(keyProgrammerCommands)) {
      if (name === 'identifyProgrammer') continue;
      const payload = (command.encode as (args: unknown) => Uint8Array)(samples[name as keyof typeof samples].args);
      expect(await programmer.handle(payload, signal), name).toEqual(hex('01'));
    }
  });

  it('answers invalid_arguments to an unknown command, an empty payload and arguments that do not parse', async () => {
    const { programmer } = rig('arden-kp200');
    expect(await programmer.handle(hex('7f'), signal)).toEqual(hex('09'));
    expect(await programmer.handle(new Uint8Array(), signal)).toEqual(hex('09'));
    expect(await programmer.handle(hex('06 01 01 00'), signal)).toEqual(hex('09')); // STAGE_PUT cut inside its entry
    expect(await programmer.handle(hex('04 00'), signal)).toEqual(hex('09')); // READ_CHECKSUM with a stray byte
  });

  it('describes the door on its cable with its model limits', async () => {
    const { send } = rig('kestrel-pr1', { serial: 'PR1-0007', firmware: '3.1.0' });
    expect(await send(describeDoor)).toEqual({
      status: 'ok',
      kind: 'reader',
      modelId: 'kestrel-pr1',
      serial: 'PR1-0007',
      firmware: '3.1.0',
      batteryPercent: 100,
      clock: { utcSeconds: 1_768_478_400, offsetMinutes: 0 },
      capabilities: {
        slots: 2000,
        pinLength: { min: 6, max: 8 },
        credentialKinds: ['pin', 'ble'],
        scheduleKinds: ['week_day', 'year_day', 'one_time'],
        weekDaySchedulesPerUser: 2,
        yearDaySchedulesPerUser: 1,
      },
      table: { version: 0, checksum: 0, usedSlots: 0 },
      lastAuditRecord: 0,
    });
  });

  it('drops the stage of a door it is unplugged from, or swapped for another', async () => {
    const { send, programmer, door } = rig('arden-kp200');
    await send(stageBegin, { baseChecksum: 0, fromEmpty: true });
    await send(stagePut, { entries: [pinEntry(1)] });
    const other = new SimDoor({ model: model('arden-kp200'), serial: 'SN-2' });
    programmer.attach(other);
    expect(door.staging).toBe(false);
    programmer.attach(door);
    expect(await send(commit, { expectedChecksum: tableChecksum([pinEntry(1)]) })).toEqual({ status: 'not_staged' });
    programmer.detach();
    expect(await send(readChecksum)).toEqual({ status: 'no_door_attached' });
  });
});
