import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxUnreadBytes } from '../../../src/main/ipc/socket-connection';
import { startHostProcess, type HostProcess } from './helpers/host-process';
import { frameBytes, opcodes, openRawSocket, type RawSocket } from './helpers/raw-socket';
import { pageCalls, sendWithoutReading } from './helpers/unread-flood';

let host: HostProcess;
beforeAll(async () => {
  host = await startHostProcess();
});
afterAll(() => host?.stop());

const signIn = async (socket: RawSocket, id: number): Promise<void> => {
  socket.call(id, 'staff.signIn', { staffId: 'avery', passcode: '1357' });
  expect(await host.whileAlive(socket.answer(id))).toMatchObject({ ok: true });
};

describe('a client that sends calls and never reads the answers', () => {
  it('is cut off once its unread answers pass the bound, before the host has read all it sent', async () => {
    const other = await host.whileAlive(openRawSocket(host.port, host.token, host.origin));
    await signIn(other, 1);
    other.call(2, 'units.list', { limit: 500 });
    const pageBytes = JSON.stringify(await host.whileAlive(other.answer(2))).length;
    expect(pageBytes).toBeGreaterThan(100_000);

    // Pages worth 8 times the bound (more than any socket buffers hold), then a sign-out,
    // which the host must never get to.
    const greedy = await host.whileAlive(openRawSocket(host.port, host.token, host.origin));
    await signIn(greedy, 1);
    const signOut = frameBytes({ opcode: opcodes.text, payload: JSON.stringify({ id: 9, command: 'staff.signOut', input: {} }) });
    const flood = sendWithoutReading(greedy, [...pageCalls(Math.ceil((8 * maxUnreadBytes) / pageBytes), 10), signOut]);

    // Meanwhile the other tab is answered; it watches for the sign-out in the activity log.
    let call = 100;
    const signedOut = async (): Promise<boolean> => {
      other.call(++call, 'activity.list', { action: 'staff.signed_out', limit: 1 });
      const answer = (await host.whileAlive(other.answer(call))) as { value: { entries: unknown[] } };
      return answer.value.entries.length > 0;
    };
    while (!flood.isCutOff()) {
      expect(await signedOut(), 'the host read every call of a client that reads nothing').toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await signedOut()).toBe(false);
    other.socket.end();
  });
});
