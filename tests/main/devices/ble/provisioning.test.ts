import { describe, expect, it } from 'vitest';
import { newLockKey } from '../../../../src/main/devices/ble/protocol/key-schedule';
import { controlPointUuid, responseUuid } from '../../../../src/main/devices/ble/protocol/lock-service';
import { encodeConsoleHello } from '../../../../src/main/devices/ble/protocol/messages';
import { randomEphemeral } from '../../../../src/main/devices/ble/protocol/ephemeral-key';
import { segmentMessage } from '../../../../src/main/devices/ble/protocol/segments';
import { provisionLock } from '../../../../src/main/devices/ble/session/provision-lock';
import { doorFailure, hex, lockKey, lockRig, never, sessionError, setupCode, untilHungUp } from './ble-rig';

describe('commissioning a factory-new lock', () => {
  it('installs the console’s key with the label’s setup code; the key then opens sessions', async () => {
    const { connect, lock, driver } = lockRig({ commissioned: false });
    const key = newLockKey();
    const info = await provisionLock(await connect(), setupCode, key, never());
    expect(info).toMatchObject({ serial: 'KB5-004217', commissioned: true });
    expect(lock.commissioned).toBe(true);
    expect(lock.holdsKey(key)).toBe(true);
    await untilHungUp(lock); // the lock hangs up after PROVISIONED
    const programmer = await driver(key);
    expect(await programmer.readChecksum(never())).toBe(0);
    await programmer.close();
  });

  it('refuses a wrong setup code, and the right one still works', async () => {
    const { connect, lock } = lockRig({ commissioned: false });
    expect(await sessionError(provisionLock(await connect(), '11112222', newLockKey(), never()))).toMatchObject({ code: 'auth_failed', source: 'lock' });
    expect(lock.commissioned).toBe(false);
    await untilHungUp(lock);
    await provisionLock(await connect(), setupCode, newLockKey(), never());
    expect(lock.commissioned).toBe(true);
  });

  it('refuses commissioning for ten minutes after five wrong codes in a row', async () => {
    const { connect, lock, advanceBy } = lockRig({ commissioned: false });
    for (let i = 0; i < 5; i++) {
      await sessionError(provisionLock(await connect(), '00000000', newLockKey(), never()));
      await untilHungUp(lock);
    }
    expect(await sessionError(provisionLock(await connect(), setupCode, newLockKey(), never()))).toMatchObject({ code: 'too_many_attempts', source: 'lock' });
    await untilHungUp(lock);
    advanceBy(10 * 60_000);
    await provisionLock(await connect(), setupCode, newLockKey(), never());
    expect(lock.commissioned).toBe(true);
  });

  it('is refused once commissioned: by the console from Lock Info, and by the lock itself', async () => {
    const { connect, lock } = lockRig();
    const early = await sessionError(provisionLock(await connect(), setupCode, newLockKey(), never()));
    expect(early).toMatchObject({ code: 'already_commissioned', source: 'console' });
    expect((await doorFailure(Promise.reject(early))).reason).toBe('auth_failed');
    await untilHungUp(lock);

    // A console that skips Lock Info gets ERROR already_commissioned (7f 06) and a hang-up.
    const connection = await connect();
    const heard: string[] = [];
    const hungUp = new Promise((resolve) => connection.onDisconnect(resolve));
    await connection.subscribe(responseUuid, (value) => heard.push(hex(value)));
    for (const segment of segmentMessage(encodeConsoleHello('commissioning', randomEphemeral().publicKey), connection.mtu)) await connection.write(controlPointUuid, segment, never());
    await hungUp;
    expect(heard).toEqual(['c0' + '7f06']); // one segment, first and last: ERROR, already_commissioned
    expect(lock.holdsKey(lockKey)).toBe(true);
  });

  it('leaves a factory-new lock refusing sessions until it is commissioned', async () => {
    const { session } = lockRig({ commissioned: false });
    const error = await sessionError(session());
    expect(error).toMatchObject({ code: 'not_commissioned', retrySafe: true });
    expect((await doorFailure(Promise.reject(error))).reason).toBe('auth_failed');
  });

  it('takes the setup code again after a factory reset, and forgets the old key and table', async () => {
    const { connect, lock, door, session } = lockRig();
    lock.factoryReset();
    expect(lock.commissioned).toBe(false);
    expect(door.entries()).toEqual([]);
    expect(await sessionError(session())).toMatchObject({ code: 'not_commissioned' });
    await untilHungUp(lock);
    const key = newLockKey();
    await provisionLock(await connect(), setupCode, key, never());
    expect(lock.holdsKey(key)).toBe(true);
    expect(lock.holdsKey(lockKey)).toBe(false);
  });

  it('refuses a malformed setup code or key before connecting', async () => {
    const { connect } = lockRig({ commissioned: false });
    const connection = await connect();
    await expect(provisionLock(connection, '1234', newLockKey(), never())).rejects.toThrow(RangeError);
    await expect(provisionLock(connection, setupCode, new Uint8Array(16), never())).rejects.toThrow(RangeError);
  });
});
