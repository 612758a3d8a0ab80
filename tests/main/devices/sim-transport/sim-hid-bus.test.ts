import { describe, expect, it } from 'vitest';
import { transportCommands } from '../../../../src/main/devices/framing/commands';
import { BROADCAST_CHANNEL } from '../../../../src/main/devices/framing/constants';
import { encodeMessage, parsePacket } from '../../../../src/main/devices/framing/packets';
import { KEY_PROGRAMMER_IDENTITY, LinkClosedError } from '../../../../src/main/devices/link';
import { SimHidBus } from '../../../../simulators/devices/sim-hid-bus';
import { SimHidDevice } from '../../../../simulators/devices/sim-hid-device';

const never = () => new AbortController().signal;
const initRequest = () => encodeMessage(BROADCAST_CHANNEL, transportCommands.init, new Uint8Array(8))[0]!;

describe('a bus of simulated programmers', () => {
  it('lists programmers as they are attached and detached', async () => {
    const bus = new SimHidBus();
    expect(await bus.list()).toEqual([]);
    const one = bus.attach(new SimHidDevice({ serialNumber: 'KP-1' }));
    const two = bus.attach();
    const listed = await bus.list();
    expect(listed.map((i) => i.serialNumber)).toEqual(['KP-1', two.serialNumber]);
    expect(listed[0]).toMatchObject({ ...KEY_PROGRAMMER_IDENTITY, simulated: true, path: 'sim-hid:KP-1:1' });
    bus.detach(one);
    expect((await bus.list()).map((i) => i.serialNumber)).toEqual([two.serialNumber]);
    await expect(bus.open('sim-hid:KP-1:1')).rejects.toThrow('No key-programmer');
  });

  it('gives every open link each input report, and counts what crossed', async () => {
    const bus = new SimHidBus();
    const device = bus.attach();
    const a = await bus.open(device.info.path);
    const b = await bus.open(device.info.path);
    await a.write(initRequest());
    const [fromA, fromB] = await Promise.all([a.read(never()), b.read(never())]);
    expect(parsePacket(fromA!)).toMatchObject({ kind: 'init', channelId: BROADCAST_CHANNEL, command: transportCommands.init });
    expect(fromB).toEqual(fromA);
    expect(a.stats()).toMatchObject({ toDevice: { reports: 1, bytes: 64 }, toHost: { reports: 1, bytes: 64 } });
    expect(b.stats()).toMatchObject({ toDevice: { reports: 0, bytes: 0 }, toHost: { reports: 1, bytes: 64 } });
  });

  it('refuses a report that is not 64 bytes', async () => {
    const bus = new SimHidBus();
    const link = await bus.open(bus.attach().info.path);
    await expect(link.write(new Uint8Array(65))).rejects.toThrow(RangeError);
  });

  it('leaves a read that was aborted without taking a report', async () => {
    const bus = new SimHidBus();
    const link = await bus.open(bus.attach().info.path);
    const stop = new AbortController();
    const aborted = link.read(stop.signal);
    stop.abort(new Error('enough'));
    await expect(aborted).rejects.toThrow('enough');
    await link.write(initRequest());
    expect(parsePacket(await link.read(never()))).toMatchObject({ command: transportCommands.init });
  });

  it('closes links and tells them when the programmer is unplugged; the replugged one has a new path', async () => {
    const bus = new SimHidBus();
    const device = bus.attach();
    const path = device.info.path;
    const link = await bus.open(path);
    let told = 0;
    link.onDisconnect(() => told++);
    const reading = link.read(never());
    device.unplug();
    await expect(reading).rejects.toBeInstanceOf(LinkClosedError);
    await expect(link.write(initRequest())).rejects.toBeInstanceOf(LinkClosedError);
    expect(told).toBe(1);
    expect(await bus.list()).toEqual([]);
    device.replug();
    const [again] = await bus.list();
    expect(again!.path).not.toBe(path);
    await expect(bus.open(path)).rejects.toThrow();
    const fresh = await bus.open(again!.path);
    await fresh.write(initRequest());
    expect(parsePacket(await fresh.read(never()))).toMatchObject({ command: transportCommands.init });
  });
});
