import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostProcess, type HostProcess } from './helpers/host-process';
import { hostileFrames } from './helpers/hostile';
import { openRawSocket } from './helpers/raw-socket';

/*
 * Frames built byte by byte on node:net, as no well-behaved client would send them. Each
 * closes its own connection with the close code RFC 6455 gives (1002 protocol error, 1007
 * bad data, 1009 too big) or the carrier's own (1003 binary, 1008 not a contract call); the
 * host, in its own process, goes on and a tab already open goes on being answered.
 */

let host: HostProcess;
beforeAll(async () => {
  host = await startHostProcess();
});
afterAll(() => host?.stop());

describe('a misbehaving WebSocket client is closed with the right code, and only it', () => {
  it.each(hostileFrames)('$name: $code', async ({ bytes, code }) => {
    const bystander = await host.whileAlive(openRawSocket(host.port, host.token, host.origin));
    const hostile = await host.whileAlive(openRawSocket(host.port, host.token, host.origin));
    hostile.send(bytes);
    expect(await host.whileAlive(hostile.ended)).toMatchObject({ code });

    bystander.call(7, 'staff.list', {});
    expect(await host.whileAlive(bystander.answer(7))).toMatchObject({ ok: true });
    const fresh = await host.whileAlive(openRawSocket(host.port, host.token, host.origin));
    fresh.call(1, 'session.get', {});
    expect(await host.whileAlive(fresh.answer(1))).toMatchObject({ ok: true, value: { host: 'browser' } });
    bystander.socket.end();
    fresh.socket.end();
  });
});
