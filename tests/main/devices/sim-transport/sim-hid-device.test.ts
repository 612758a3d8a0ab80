import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keepAliveStatuses, transportCommands } from '../../../../src/main/devices/framing/commands';
import { BROADCAST_CHANNEL } from '../../../../src/main/devices/framing/constants';
import { encodeMessage } from '../../../../src/main/devices/framing/packets';
import { decodeInitResponse } from '../../../../src/main/devices/framing/transport-payloads';
import { errorAnswer, rawDevice } from './raw-device';

const { msg, ping, lock, init, cancel } = transportCommands;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the simulated programmer’s transport', () => {
  it('hands out a new channel for each broadcast INIT, answering on the broadcast channel with the nonce', () => {
    const { send, answers } = rawDevice();
    const nonce = Uint8Array.of(8, 7, 6, 5, 4, 3, 2, 1);
    send(BROADCAST_CHANNEL, init, nonce);
    send(BROADCAST_CHANNEL, init, nonce);
    const [first, second] = answers();
    expect(first!.channelId).toBe(BROADCAST_CHANNEL);
    const a = decodeInitResponse(first!.payload)!;
    const b = decodeInitResponse(second!.payload)!;
    expect(a.nonce).toEqual(nonce);
    expect(a.channelId).not.toBe(b.channelId);
    expect(a.version).toEqual({ protocolVersion: 2, major: 1, minor: 0, build: 0, capabilities: 0x03 });
  });

  it('answers INIT of the wrong length with invalid_length', () => {
    const { send, answers } = rawDevice();
    send(BROADCAST_CHANNEL, init, new Uint8Array(4));
    expect(answers()).toEqual([errorAnswer(BROADCAST_CHANNEL, 'invalid_length')]);
  });

  it('answers a channel it never handed out, and other commands on the broadcast channel, with invalid_channel', () => {
    const { send, answers } = rawDevice();
    send(0x00000042, ping, Uint8Array.of(1));
    send(BROADCAST_CHANNEL, ping, Uint8Array.of(1));
    send(0x00000042, init, new Uint8Array(8));
    expect(answers()).toEqual([
      errorAnswer(0x42, 'invalid_channel'),
      errorAnswer(BROADCAST_CHANNEL, 'invalid_channel'),
      errorAnswer(0x42, 'invalid_channel'),
    ]);
  });

  it('echoes PING of any length', () => {
    const { send, answers, openChannel } = rawDevice();
    const cid = openChannel();
    const payload = Uint8Array.from({ length: 1000 }, (_, i) => i & 0xff);
    send(cid, ping, payload);
    expect(answers()).toEqual([{ channelId: cid, command: ping, payload }]);
  });

  it('answers an unknown command with invalid_command, and a corrupted one with crc_mismatch', () => {
    const { device, send, answers, openChannel } = rawDevice();
    const cid = openChannel();
    send(cid, 0x99, new Uint8Array(0));
    const [report] = encodeMessage(cid, ping, Uint8Array.of(1, 2));
    report![7] = 0x55;
    device.receive(report!);
    expect(answers()).toEqual([errorAnswer(cid, 'invalid_command'), errorAnswer(cid, 'crc_mismatch')]);
  });

  it('answers a skipped continuation with invalid_sequence and ignores the rest of that message', () => {
    const { device, answers, openChannel } = rawDevice();
    const cid = openChannel();
    const reports = encodeMessage(cid, msg, new Uint8Array(200));
    for (const report of [reports[0]!, reports[2]!, reports[3]!]) device.receive(report);
    expect(answers()).toEqual([errorAnswer(cid, 'invalid_sequence')]);
  });

  it('gives up on a message whose next packet does not come, with message_timeout', () => {
    const { device, answers, openChannel } = rawDevice();
    const cid = openChannel();
    device.receive(encodeMessage(cid, msg, new Uint8Array(100))[0]!);
    vi.advanceTimersByTime(499);
    expect(answers()).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(answers()).toEqual([errorAnswer(cid, 'message_timeout')]);
  });

  it('takes LOCK of 0..10 seconds only, with one byte', () => {
    const { send, answers, openChannel } = rawDevice();
    const cid = openChannel();
    send(cid, lock, Uint8Array.of(11));
    send(cid, lock, Uint8Array.of(1, 0));
    send(cid, lock, Uint8Array.of(10));
    expect(answers()).toEqual([
      errorAnswer(cid, 'invalid_parameter'),
      errorAnswer(cid, 'invalid_length'),
      { channelId: cid, command: lock, payload: new Uint8Array(0) },
    ]);
  });

  it('sends KEEPALIVE every 100 ms while the application works, with the status it sets', async () => {
    let finish!: (answer: Uint8Array) => void;
    const { device, send, answers, openChannel } = rawDevice();
    device.handler = (_payload, _signal, keepAlive) =>
      new Promise((resolve) => {
        finish = resolve;
        setTimeout(() => keepAlive.setStatus('waiting_for_door'), 250);
      });
    const cid = openChannel();
    send(cid, msg, Uint8Array.of(1));
    await vi.advanceTimersByTimeAsync(350);
    const keepAlives = answers();
    expect(keepAlives.map((m) => [m.command, m.payload[0]])).toEqual([
      [transportCommands.keepalive, keepAliveStatuses.processing],
      [transportCommands.keepalive, keepAliveStatuses.processing],
      [transportCommands.keepalive, keepAliveStatuses.waiting_for_door],
    ]);
    finish(Uint8Array.of(9));
    await vi.advanceTimersByTimeAsync(300);
    expect(answers()).toEqual([{ channelId: cid, command: msg, payload: Uint8Array.of(9) }]);
  });

  it('stops the application on CANCEL and sends nothing for it', async () => {
    const { device, send, answers, openChannel } = rawDevice();
    let aborted = false;
    device.handler = (payload, signal) =>
      new Promise((resolve) => signal.addEventListener('abort', () => ((aborted = true), resolve(payload))));
    const cid = openChannel();
    send(cid, msg, Uint8Array.of(1));
    await vi.advanceTimersByTimeAsync(150);
    send(cid, cancel, new Uint8Array(0));
    await vi.advanceTimersByTimeAsync(500);
    expect(aborted).toBe(true);
    expect(answers().map((m) => m.command)).toEqual([transportCommands.keepalive]); // the one at 100 ms, then silence
  });

  it('answers channel_busy to another channel while one is mid-message, mid-work or holding the lock', async () => {
    const { device, send, answers, openChannel } = rawDevice();
    const a = openChannel();
    const b = openChannel();
    // mid-message
    const reports = encodeMessage(a, msg, new Uint8Array(100));
    device.receive(reports[0]!);
    send(b, ping, Uint8Array.of(1));
    device.receive(reports[1]!);
    expect(answers()).toEqual([errorAnswer(b, 'channel_busy')]);
    // mid-work: the echo answers on the next turn of the event loop
    await vi.advanceTimersByTimeAsync(0);
    expect(answers()).toEqual([{ channelId: a, command: msg, payload: new Uint8Array(100) }]);
    // holding the lock
    send(a, lock, Uint8Array.of(2));
    send(b, ping, Uint8Array.of(1));
    send(a, ping, Uint8Array.of(2));
    expect(answers()).toEqual([
      { channelId: a, command: lock, payload: new Uint8Array(0) },
      errorAnswer(b, 'channel_busy'),
      { channelId: a, command: ping, payload: Uint8Array.of(2) },
    ]);
  });

  it('forgets channels, lock and work when unplugged, and answers nothing while out', () => {
    const { device, send, answers, openChannel } = rawDevice();
    const cid = openChannel();
    const pathBefore = device.info.path;
    device.unplug();
    send(cid, ping, Uint8Array.of(1));
    expect(answers()).toEqual([]);
    device.replug();
    expect(device.info.path).not.toBe(pathBefore);
    send(cid, ping, Uint8Array.of(1));
    expect(answers()).toEqual([errorAnswer(cid, 'invalid_channel')]);
  });
});
