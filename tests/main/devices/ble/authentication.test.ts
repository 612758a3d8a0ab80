import { describe, expect, it } from 'vitest';
import { keyProgrammerDriver } from '../../../../src/main/devices/drivers/key-programmer-driver';
import { readChecksum } from '../../../../src/main/devices/keyprog/commands';
import { tableChecksum } from '../../../../src/main/devices/keyprog/credential-table';
import { openBleLockSession } from '../../../../src/main/devices/ble/session/ble-lock-session';
import { pinEntry } from '../sim-door/rig';
import { doorFailure, interruptedReasons, lockKey, lockRig, never, otherKey, sessionError, untilHungUp } from './ble-rig';
import { manInTheMiddle } from './wire-taps';

const old = [pinEntry(1, '111111'), pinEntry(2, '222222')];
const next = [pinEntry(1, '111111'), pinEntry(3, '333333')];
const changes = { fullRewrite: false, baseChecksum: tableChecksum(old), targetChecksum: tableChecksum(next), puts: [next[1]!], deletes: [2] };

describe('a lock key the two ends do not share', () => {
  it('is refused by the lock, which says so and hangs up', async () => {
    const { session } = lockRig();
    const error = await sessionError(session(otherKey));
    expect(error).toMatchObject({ code: 'auth_failed', source: 'lock', message: 'The lock ended the session: the lock and Porter do not share the same key' });
    const failure = await doorFailure(session(otherKey));
    expect(failure.reason).toBe('auth_failed');
    expect(interruptedReasons).not.toContain(failure.reason); // the technician must act: no plain Resume
  });

  it('is refused when the lock holds another key, until that is put right', async () => {
    const { session, lock } = lockRig();
    lock.inject({ kind: 'wrong_key' });
    expect(await sessionError(session())).toMatchObject({ code: 'auth_failed', source: 'lock' });
    lock.clearFault('wrong_key');
    const working = await session();
    expect(working.isOpen).toBe(true);
    await working.close();
  });
});

describe('a message altered on the way to the lock', () => {
  it('is refused before it runs: the session ends, the commit never happened', async () => {
    const { driver, door, lock } = lockRig({ table: old });
    const programmer = await driver();
    const failure = await doorFailure(
      programmer.program(changes, (step) => step === 'commit' && lock.inject({ kind: 'tampered_write' }), never()),
    );
    expect(failure).toMatchObject({ reason: 'disconnected', message: 'The lock ended the session: a message was altered on the way.' });
    expect(interruptedReasons).toContain(failure.reason);
    expect(door.entries()).toEqual(old);
    await untilHungUp(lock);
    expect(door.staging).toBe(false); // the stage went with the session
  });

  it('ends the session for every later exchange too', async () => {
    const { session, lock } = lockRig();
    const open = await session();
    lock.inject({ kind: 'tampered_write' });
    expect(await sessionError(open.exchange('msg', readChecksum.encode(), { signal: never() }))).toMatchObject({ code: 'tampered', source: 'lock', retrySafe: false });
    expect(await sessionError(open.exchange('msg', readChecksum.encode(), { signal: never() }))).toMatchObject({ code: 'disconnected', retrySafe: true });
    expect(open.isOpen).toBe(false);
  });
});

describe('a message replayed to the lock', () => {
  it('is refused: the STAGE_PUT delivered again before COMMIT ends the session, the table stays old', async () => {
    const { driver, door, lock } = lockRig({ table: old });
    const programmer = await driver();
    const failure = await doorFailure(programmer.program(changes, (step) => step === 'commit' && lock.inject({ kind: 'replayed_write' }), never()));
    expect(failure).toMatchObject({ reason: 'disconnected', message: 'The lock ended the session: a message came twice (replayed).' });
    expect(door.entries()).toEqual(old);
    const again = await driver();
    expect(await again.readChecksum(never())).toBe(tableChecksum(old));
    await again.close();
  });
});

describe('an answer altered or replayed on the way to the console', () => {
  it('is refused by the console, which hangs up', async () => {
    const { connect } = lockRig();
    const attacker = manInTheMiddle(await connect());
    const session = await openBleLockSession(attacker.connection, lockKey, never());
    attacker.tamperNext();
    expect(await sessionError(session.exchange('msg', readChecksum.encode(), { signal: never() }))).toMatchObject({ code: 'tampered', source: 'console', retrySafe: false });
    expect(session.isOpen).toBe(false);
  });

  it('refuses an earlier answer slipped in again', async () => {
    const { connect } = lockRig();
    const attacker = manInTheMiddle(await connect());
    const driver = keyProgrammerDriver(await openBleLockSession(attacker.connection, lockKey, never()));
    expect(await driver.readChecksum(never())).toBe(0);
    attacker.replayBeforeNext();
    const failure = await doorFailure(driver.readChecksum(never()));
    expect(failure).toMatchObject({ reason: 'disconnected', message: 'An answer from the lock came twice (replayed).' });
  });
});
