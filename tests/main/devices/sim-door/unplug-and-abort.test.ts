import { afterEach, describe, expect, it, vi } from 'vitest';
import { commit, describeDoor, readChecksum, stageBegin, stagePut } from '../../../../src/main/devices/keyprog/commands';
import { tableChecksum } from '../../../../src/main/devices/keyprog/credential-table';
import { pinEntry, rig } from './rig';

const old = [pinEntry(1), pinEntry(2)];
const next = Array.from({ length: 100 }, (_, i) => pinEntry(i + 1));

/** A door holding `old`, with `next` staged and the commit sent but not awaited; the door's write time runs on fake timers. */
async function commitInFlight(fault: 'old' | 'new' | null, writeMsPerEntry = 0.2) {
  vi.useFakeTimers();
  const r = rig('kestrel-pr1', {}, { writeMsPerEntry });
  await afterAMinute(r.program(old));
  await r.send(stageBegin, { baseChecksum: tableChecksum(old), fromEmpty: false });
  await r.send(stagePut, { entries: next });
  if (fault) r.door.inject({ kind: 'unplug_mid_commit', tableAfter: fault });
  const exchange = new AbortController();
  const answer = r.send(commit, { expectedChecksum: tableChecksum(next) }, exchange.signal);
  answer.catch(() => undefined); // awaited below; keeps an early rejection from being "unhandled"
  return { ...r, answer, exchange };
}

afterEach(() => {
  vi.useRealTimers();
});

/** `work`'s outcome once a minute of fake time went by: far longer than any write here. */
async function afterAMinute<T>(work: Promise<T>): Promise<T> {
  await vi.advanceTimersByTimeAsync(60_000);
  return work;
}

/**
 * What became of `promise` once `ms` of fake time went by: the door's write time runs on timers,
 * so "still pending" means pending after the write was over, however slow the machine.
 */
async function outcomeAfter(promise: Promise<unknown>, ms: number): Promise<'answered' | 'rejected' | 'pending'> {
  let outcome: 'answered' | 'rejected' | 'pending' = 'pending';
  promise.then(
    () => (outcome = 'answered'),
    () => (outcome = 'rejected'),
  );
  await vi.advanceTimersByTimeAsync(ms);
  return outcome;
}

describe('the cable coming out in the middle of a commit', () => {
  it('never answers, and leaves the old table when the door had not swapped', async () => {
    const { answer, exchange, programmer, door, send } = await commitInFlight('old');
    expect(await outcomeAfter(answer, 60_000)).toBe('pending'); // a minute, the write takes 20 ms
    expect(programmer.attachedDoor).toBeNull();
    expect(await send(describeDoor)).toEqual({ status: 'no_door_attached' });

    exchange.abort(new Error('timed out'));
    await expect(answer).rejects.toThrow('timed out');

    programmer.attach(door);
    expect(await send(readChecksum)).toEqual({ status: 'ok', version: 1, checksum: tableChecksum(old), usedSlots: 2 });
    // The stage went with the cable: the exchange starts over from STAGE_BEGIN.
    expect(await send(commit, { expectedChecksum: tableChecksum(next) })).toEqual({ status: 'not_staged' });
  });

  it('never answers, and leaves the new table when the door had swapped', async () => {
    const { answer, exchange, programmer, door, send } = await commitInFlight('new');
    expect(await outcomeAfter(answer, 60_000)).toBe('pending');
    exchange.abort(new Error('timed out'));
    await expect(answer).rejects.toThrow('timed out');

    programmer.attach(door);
    // What the exchange does after a commit without an answer: read the checksum, and it is the new one.
    expect(await send(readChecksum)).toEqual({ status: 'ok', version: 2, checksum: tableChecksum(next), usedSlots: 100 });
    expect(door.entries()).toEqual(next);
  });

  it('happens once: the next commit answers', async () => {
    const { answer, exchange, programmer, door, program } = await commitInFlight('old');
    exchange.abort();
    await expect(answer).rejects.toBeDefined();
    programmer.attach(door);
    expect(await afterAMinute(program(next, next, { base: tableChecksum(old) }))).toEqual({ status: 'ok', version: 2, checksum: tableChecksum(next) });
  });
});

describe('a exchange that gives up during the write', () => {
  it('stops the commit before the swap: the old table stays, and the stage can still be committed', async () => {
    const { answer, exchange, door, send, programmer } = await commitInFlight(null, 5); // 100 entries x 5 ms
    expect(await outcomeAfter(answer, 250)).toBe('pending'); // half way through the write
    exchange.abort(new Error('timed out'));
    await expect(afterAMinute(answer)).rejects.toThrow('timed out');
    expect(door.entries()).toEqual(old);
    expect(programmer.attachedDoor).toBe(door);
    expect(await afterAMinute(send(commit, { expectedChecksum: tableChecksum(next) }))).toMatchObject({ status: 'ok', version: 2 });
  });

  it('is answered door_busy while the door is still writing', async () => {
    const { answer, send } = await commitInFlight(null, 2);
    expect(await send(readChecksum)).toEqual({ status: 'door_busy' });
    expect(await afterAMinute(answer)).toMatchObject({ status: 'ok', version: 2 });
    expect(await send(readChecksum)).toMatchObject({ status: 'ok', version: 2 });
  });

  it('rejects at once when the exchange was already aborted', async () => {
    const { programmer } = rig('arden-kp200');
    const aborted = AbortSignal.abort(new Error('closed'));
    await expect(programmer.handle(readChecksum.encode(), aborted)).rejects.toThrow('closed');
  });
});
