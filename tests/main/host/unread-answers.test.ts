import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxUnreadBytes } from '../../../src/main/ipc/socket-connection';
import { startHostProcess, type HostProcess } from './helpers/host-process';
import { frameBytes, opcodes, openRawSocket, type RawSocket } from './helpers/raw-socket';

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

    const greedy = await host.whileAlive(openRawSocket(host.port, host.token, host.origin));
    await signIn(greedy, 1);
    let cutOff = false;
    void greedy.ended.then(() => (cutOff = true));
    // From here it reads nothing: pages of the grid worth 8 times the bound (more than any
    // socket buffers hold), then a sign-out, which the host must never get to.
    greedy.socket.pause();
    const pages = Math.ceil((8 * maxUnreadBytes) / pageBytes);
    const frames = [
      ...Array.from({ length: pages }, (_, i) => frameBytes({ opcode: opcodes.text, payload: JSON.stringify({ id: 10 + i, command: 'units.list', input: { limit: 500 } }) })),
      frameBytes({ opcode: opcodes.text, payload: JSON.stringify({ id: 9, command: 'staff.signOut', input: {} }) }),
    ];
    const writeMore = (): void => {
      while (!cutOff && frames.length) if (!greedy.socket.write(frames.shift()!)) return void greedy.socket.once('drain', writeMore);
    };
    writeMore();

    // Meanwhile the other tab is answered; it watches for the sign-out in the activity log.
    let call = 100;
    const signedOut = async (): Promise<boolean> => {
      other.call(++call, 'activity.list', { action: 'staff.signed_out', limit: 1 });
      const answer = (await host.whileAlive(other.answer(call))) as { value: { entries: unknown[] } };
      return answer.value.entries.length > 0;
    };
    while (!cutOff) {
      expect(await signedOut(), 'the host read every call of a client that reads nothing').toBe(false);
      // A ping now and then: once the host has dropped the connection, its answer is a reset.
      if (!frames.length) greedy.send(frameBytes({ opcode: opcodes.ping }));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await signedOut()).toBe(false);
    other.socket.end();
  });
});
