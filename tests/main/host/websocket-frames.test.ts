import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxSocketConnections } from '../../../src/main/ipc/socket-carrier';
import { startHostProcess, type HostProcess } from './helpers/host-process';
import { hostileFrames } from './helpers/hostile';
import { openRawSocket, type RawSocket } from './helpers/raw-socket';

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

describe('open tabs', () => {
  it(`are at most ${maxSocketConnections}: one more is refused with 503, and taken again once a tab goes`, async () => {
    const open: RawSocket[] = [];
    let refusal: Error | undefined;
    while (!refusal) {
      const answer = await host.whileAlive(openRawSocket(host.port, host.token, host.origin).then((s) => s, (e: Error) => e));
      if (answer instanceof Error) refusal = answer;
      else open.push(answer);
      expect(open.length).toBeLessThanOrEqual(maxSocketConnections);
    }
    expect(refusal.message).toContain('HTTP/1.1 503');
    const first = open.shift()!;
    first.socket.end();
    await first.ended;
    // The host forgets the tab when its close arrives; one call later a new tab is taken.
    let again: RawSocket | Error;
    do again = await host.whileAlive(openRawSocket(host.port, host.token, host.origin).then((s) => s, (e: Error) => e));
    while (again instanceof Error);
    again.call(1, 'session.get', {});
    expect(await host.whileAlive(again.answer(1))).toMatchObject({ ok: true });
    for (const socket of [...open, again]) socket.socket.end();
  });
});
