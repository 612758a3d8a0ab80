import { afterEach, describe, expect, it } from 'vitest';
import { DeviceClaimedError, DeviceClaims } from '../../../../src/main/devices/session/device-claims';
import type { HidSession } from '../../../../src/main/devices/session/hid-session';
import { bytes, failure, never, programmerOnBus, sessionOn } from './harness';

let open: HidSession[] = [];
afterEach(async () => {
  await Promise.all(open.map((s) => s.close()));
  open = [];
});

describe('claiming a programmer inside one process', () => {
  it('refuses a second claimant, naming who holds it', () => {
    const claims = new DeviceClaims();
    const lease = claims.claim('/dev/hidraw3', 'window 1 (Sam Ortiz)');
    let refusal: unknown;
    try {
      claims.claim('/dev/hidraw3', 'window 2');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DeviceClaimedError);
    expect(refusal).toMatchObject({ holder: 'window 1 (Sam Ortiz)', path: '/dev/hidraw3' });
    expect(String(refusal)).toContain('window 1 (Sam Ortiz)');
    expect(claims.claim('/dev/hidraw4', 'window 2').owner).toBe('window 2'); // another programmer is free
    lease.release();
    expect(claims.claim('/dev/hidraw3', 'window 2').owner).toBe('window 2');
  });

  it('ignores a stale lease released after someone else claimed', () => {
    const claims = new DeviceClaims();
    const first = claims.claim('p', 'a');
    first.release();
    claims.claim('p', 'b');
    first.release();
    expect(claims.holderOf('p')).toBe('b');
  });
});

/** Two links on one programmer stand for two processes: the registry above cannot see across them. */
describe('the programmer’s LOCK, across processes', () => {
  /** The programmer's clock for its lock's expiry, moved by hand. */
  let clockMs = 0;

  async function twoHosts() {
    const { bus, device } = programmerOnBus({ clock: () => clockMs });
    const a = await sessionOn(bus, device);
    const b = await sessionOn(bus, device);
    open.push(a.session, b.session);
    return { device, a: a.session, b: b.session };
  }

  it('gives the two hosts channels of their own', async () => {
    const { a, b } = await twoHosts();
    expect(a.channel).not.toBe(b.channel);
    await Promise.all([a.exchange('ping', bytes(3), { signal: never() }), b.exchange('ping', bytes(4), { signal: never() })].reverse());
  });

  it('makes the other channel busy while one holds the lock, until it is released', async () => {
    const { a, b } = await twoHosts();
    await a.lock(5, { signal: never() });
    expect(await failure(b.exchange('msg', bytes(3), { signal: never() }))).toMatchObject({
      code: 'channel_busy',
      source: 'device',
      retrySafe: true,
    });
    expect((await a.exchange('msg', bytes(3), { signal: never() })).payload).toEqual(bytes(3));
    await a.releaseLock({ signal: never() });
    expect((await b.exchange('msg', bytes(3), { signal: never() })).payload).toEqual(bytes(3));
  });

  it('keeps the lock through a resync of its holder', async () => {
    const { device, a, b } = await twoHosts();
    await a.lock(5, { signal: never() });
    device.faults.next({ kind: 'corrupt_crc', direction: 'to_device' });
    expect((await failure(a.exchange('msg', bytes(3), { signal: never() }))).code).toBe('crc_mismatch');
    expect((await a.exchange('msg', bytes(3), { signal: never() })).payload).toEqual(bytes(3));
    expect((await failure(b.exchange('msg', bytes(3), { signal: never() }))).code).toBe('channel_busy');
  });

  it('lets the lock run out by itself', async () => {
    const { a, b } = await twoHosts();
    await a.lock(1, { signal: never() });
    expect((await failure(b.exchange('ping', bytes(1), { signal: never() }))).code).toBe('channel_busy');
    clockMs += 999;
    expect((await failure(b.exchange('ping', bytes(1), { signal: never() }))).code).toBe('channel_busy');
    clockMs += 1;
    expect((await b.exchange('ping', bytes(1), { signal: never() })).payload).toEqual(bytes(1));
  });

  it('hands the lock back when its holder closes', async () => {
    const { a, b } = await twoHosts();
    await a.lock(10, { signal: never() });
    await a.close();
    expect((await b.exchange('ping', bytes(1), { signal: never() })).payload).toEqual(bytes(1));
  });

  it('makes the other channel busy while one is in the middle of an exchange', async () => {
    const { device, a, b } = await twoHosts();
    let finish!: () => void;
    let started!: () => void;
    const working = new Promise<void>((resolve) => (started = resolve));
    device.handler = (payload) =>
      new Promise((resolve) => {
        started();
        finish = () => resolve(payload);
      });
    const slow = a.exchange('msg', bytes(3), { signal: never() });
    await working;
    expect((await failure(b.exchange('ping', bytes(1), { signal: never() }))).code).toBe('channel_busy');
    finish();
    await slow;
    expect((await b.exchange('ping', bytes(1), { signal: never() })).payload).toEqual(bytes(1));
  });

  it('answers lock_required when the programmer wants MSG under a lock', async () => {
    const { bus, device } = programmerOnBus({ msgRequiresLock: true });
    const { session } = await sessionOn(bus, device);
    open.push(session);
    expect((await failure(session.exchange('msg', bytes(3), { signal: never() }))).code).toBe('lock_required');
    await session.lock(3, { signal: never() });
    expect((await session.exchange('msg', bytes(3), { signal: never() })).payload).toEqual(bytes(3));
  });

  it('refuses a lock longer than ten seconds before sending it', async () => {
    const { a } = await twoHosts();
    await expect(a.lock(11, { signal: never() })).rejects.toThrow(RangeError);
  });
});
