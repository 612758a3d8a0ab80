import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxBulkUnitIds } from '../../../src/shared/domain';
import { startHostProcess, type HostProcess } from './helpers/host-process';
import { hostileFrames, hostileRequests, withSecrets } from './helpers/hostile';
import { rawHttp, statusOf } from './helpers/raw-http';
import { openRawSocket, type RawSocket } from './helpers/raw-socket';
import { storeFingerprint } from './helpers/store-fingerprint';
import { pageCalls, sendWithoutReading } from './helpers/unread-flood';

/*
 * Everything hostile at once against one browser host in its own process: bad HTTP, bad
 * frames, a client that never reads, control characters in searches, ids and keys meant to
 * be repeated back. Afterwards the host still answers (a page, a fresh tab's call, a tab
 * that was open all along) and the store holds exactly what it held before.
 */

let host: HostProcess;
beforeAll(async () => {
  host = await startHostProcess();
});
afterAll(() => host?.stop());

const home = 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n';

async function signedInTab(): Promise<RawSocket> {
  const tab = await host.whileAlive(openRawSocket(host.port, host.token, host.origin));
  tab.call(1, 'staff.signIn', { staffId: 'avery', passcode: '1357' });
  expect(await host.whileAlive(tab.answer(1))).toMatchObject({ ok: true });
  return tab;
}

/** A TCP connection that sends `request` and resets at once, before any answer. */
const resetAt = (request: string): Promise<void> =>
  new Promise((resolve) => {
    const socket = net.connect(host.port, '127.0.0.1', () => {
      socket.write(request);
      socket.resetAndDestroy();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve());
  });

describe('a browser host under everything hostile at once', () => {
  it('goes on answering and leaves the store byte for byte as it was', async () => {
    // Signing in writes the activity log, so both tabs sign in before the store is read.
    const tab = await signedInTab();
    const greedy = await signedInTab();
    const before = storeFingerprint(host.dataDir);

    // HTTP, no token needed.
    for (const { name, request, status } of hostileRequests)
      expect(statusOf(await host.whileAlive(rawHttp(host.port, withSecrets(request, host.token, host.origin)))), name).toBe(status);
    for (let i = 0; i < 10; i++) await host.whileAlive(resetAt(withSecrets(hostileRequests.at(-1)!.request, host.token, host.origin)));

    // Frames that break the protocol or the wire format, each on its own connection, all at once.
    const sockets = await Promise.all(hostileFrames.map(() => host.whileAlive(openRawSocket(host.port, host.token, host.origin))));
    sockets.forEach((socket, i) => socket.send(hostileFrames[i]!.bytes));
    const endings = await host.whileAlive(Promise.all(sockets.map((socket) => socket.ended)));
    expect(endings.map((ending) => ending.code)).toEqual(hostileFrames.map((frame) => frame.code));

    // A tab that asks and never reads, while calls meant to break a handler or be echoed arrive.
    const flood = sendWithoutReading(greedy, pageCalls(300, 10));
    const calls: [string, unknown][] = [
      ['units.list', { search: 'Garcia\u0000' }],
      ['units.list', { search: '\u0000\u0001\u001f\u007f' }],
      ['credentials.list', { search: '555\u00000142' }],
      ['activity.list', { search: 'Doe\u0000' }],
      ['hardware.doors', { search: 'gate\u0000', limit: 5 }],
      ['units.get', { unitId: 'ghost-Zq7' }],
      ['units.list', { '<script>Zq7</script>': 1 }],
      ['Zq7<img src=x>', {}],
      ['access.bulkGrant', { target: { scope: 'units', unitIds: Array.from({ length: maxBulkUnitIds + 1 }, (_, i) => `u${i}`) }, kind: 'pin', audience: 'guest', guest: { name: 'Zq7', phone: '312-555-0100' }, schedule: { type: 'delivery' } }],
    ];
    calls.forEach(([command, input], i) => tab.call(100 + i, command, input));
    const answers = await host.whileAlive(Promise.all(calls.map((_, i) => tab.answer(100 + i))));
    answers.slice(0, 5).forEach((answer) => expect(answer).toMatchObject({ ok: true }));
    answers.slice(5).forEach((answer) => {
      expect(answer.ok).toBe(false);
      expect(answer.error!.message).not.toContain('Zq7');
    });
    await host.whileAlive(flood.cutOff);

    // Still serving: the page, a fresh tab, and the tab that was open all along.
    expect(statusOf(await host.whileAlive(rawHttp(host.port, home)))).toBe(200);
    const fresh = await host.whileAlive(openRawSocket(host.port, host.token, host.origin));
    fresh.call(1, 'session.get', {});
    expect(await host.whileAlive(fresh.answer(1))).toMatchObject({ ok: true, value: { host: 'browser' } });
    tab.call(200, 'units.list', { limit: 1 });
    expect(await host.whileAlive(tab.answer(200))).toMatchObject({ ok: true });

    expect(storeFingerprint(host.dataDir)).toBe(before);
    tab.socket.end();
    fresh.socket.end();
  });
});
