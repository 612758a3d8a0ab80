import { describe, expect, it, vi } from 'vitest';
import { transportCommands } from '../../../../src/main/devices/framing/commands';
import { BROADCAST_CHANNEL } from '../../../../src/main/devices/framing/constants';
import { encodeMessage } from '../../../../src/main/devices/framing/packets';
import { LinkClosedError } from '../../../../src/main/devices/link';
import { openHidSession } from '../../../../src/main/devices/session/hid-session';
import type { SimHidBus } from '../../../../simulators/devices/sim-hid-bus';
import type { SimHidDevice } from '../../../../simulators/devices/sim-hid-device';
import { bytes, failure, never, programmerOnBus, sessionOn, settled, sessionsOnFakeTime } from './harness';

// The cable, the stalls and the deadlines run on fake time.
const closeAfterTest = sessionsOnFakeTime();

/** Another host asks for 32 channels, so the programmer's table forgets the oldest. */
async function crowdOut(bus: SimHidBus, device: SimHidDevice): Promise<void> {
  const other = await bus.open(device.info.path);
  for (let i = 0; i < 32; i++) await settled(other.write(encodeMessage(BROADCAST_CHANNEL, transportCommands.init, bytes(8, i))[0]!));
  // The 32nd answer proves the programmer has handed out every channel.
  for (let i = 0; i < 32; i++) await settled(other.read(never()));
  await other.close();
}

describe('resynchronising', () => {
  it('keeps its channel through a resync', async () => {
    const { bus, device } = programmerOnBus();
    const { session } = await settled(sessionOn(bus, device));
    closeAfterTest(session);
    const channel = session.channel;
    device.faults.next({ kind: 'corrupt_crc', direction: 'to_device' });
    await settled(failure(session.exchange('ping', bytes(2), { signal: never() })));
    await settled(session.exchange('ping', bytes(2), { signal: never() }));
    expect(session.channel).toBe(channel);
  });

  it('asks for a new channel when the programmer has forgotten its own', async () => {
    const { bus, device } = programmerOnBus();
    const { session } = await settled(sessionOn(bus, device));
    closeAfterTest(session);
    const channel = session.channel;
    await crowdOut(bus, device);
    expect(await settled(failure(session.exchange('ping', bytes(2), { signal: never() })))).toMatchObject({
      code: 'invalid_channel',
      source: 'device',
      retrySafe: true,
    });
    expect((await settled(session.exchange('ping', bytes(2), { signal: never() }))).payload).toEqual(bytes(2));
    expect(session.channel).not.toBe(channel);
  });

  it('tries again at the next exchange when the resync itself fails', async () => {
    const { bus, device } = programmerOnBus();
    const { session } = await settled(sessionOn(bus, device, { messageTimeoutMs: 150 }));
    closeAfterTest(session);
    device.faults.next({ kind: 'stall', direction: 'to_host' }); // the exchange's answer
    device.faults.next({ kind: 'stall', direction: 'to_host' }); // the resync INIT's answer
    expect((await settled(failure(session.exchange('ping', bytes(2), { signal: never() })))).code).toBe('timeout');
    const duringResync = await settled(failure(session.exchange('ping', bytes(2), { signal: never() })));
    expect(duringResync).toMatchObject({ code: 'timeout', retrySafe: true }); // the ping itself never went out
    expect((await settled(session.exchange('ping', bytes(2), { signal: never() }))).payload).toEqual(bytes(2));
  });
});

describe('opening', () => {
  it('fails as timeout on a programmer that does not answer INIT, closing the link', async () => {
    const { bus, device } = programmerOnBus();
    device.faults.next({ kind: 'stall', direction: 'to_device' });
    const link = await bus.open(device.info.path);
    const error = await settled(failure(openHidSession(link, { signal: never(), timeoutMs: 100 })));
    expect(error).toMatchObject({ code: 'timeout', retrySafe: true });
    await expect(settled(link.read(never()))).rejects.toBeInstanceOf(LinkClosedError);
  });

  it('fails as aborted when its signal aborts', async () => {
    const { bus, device } = programmerOnBus();
    device.faults.next({ kind: 'stall', direction: 'to_device' });
    const stop = new AbortController();
    const link = await bus.open(device.info.path);
    const opening = failure(openHidSession(link, { signal: stop.signal }));
    while (link.stats().toDevice.reports < 1) await vi.advanceTimersToNextTimerAsync(); // INIT is out, its answer awaited
    stop.abort();
    expect((await settled(opening)).code).toBe('aborted');
  });
});
