import { describe, expect, it } from 'vitest';
import { ephemeralFromPrivateKey } from '../../../../src/main/devices/ble/protocol/ephemeral-key';
import { lockServiceUuid } from '../../../../src/main/devices/ble/protocol/lock-service';
import { openBleLockSession } from '../../../../src/main/devices/ble/session/ble-lock-session';
import { keyProgrammerDriver } from '../../../../src/main/devices/drivers/key-programmer-driver';
import { loopbackCentral } from '../../../../simulators/devices/ble-lock/loopback-central';
import { SimBleLock } from '../../../../simulators/devices/ble-lock/sim-ble-lock';
import { SimDoor } from '../../../../simulators/devices/sim-door';
import { model } from '../sim-door/rig';
import { lockKey, never, setupCode } from './ble-rig';
import { recording } from './wire-taps';

/*
 * The session's own bytes, end to end over the loopback at MTU 247: with both ends' key pairs
 * pinned, what crosses the air is exactly the golden messages of golden-bytes.test.ts, each
 * behind its segment header (c0: first and last).
 */
describe('a session opening, as it crosses the air', () => {
  it('writes and notifies exactly the spec’s bytes', async () => {
    const door = new SimDoor({ model: model('kestrel-kb500'), serial: 'KB5-004217' });
    const lock = new SimBleLock({ door, setupCode, lockKey, ephemeral: () => ephemeralFromPrivateKey(new Uint8Array(32).fill(0x22)) });
    const central = loopbackCentral([lock], { mtu: 247 });
    const air = recording(await central.connect(lock.address, lockServiceUuid, never()));
    const session = await openBleLockSession(air.connection, lockKey, never(), { ephemeral: () => ephemeralFromPrivateKey(new Uint8Array(32).fill(0x11)) });
    const checksum = await keyProgrammerDriver(session).readChecksum(never());
    expect(checksum).toBe(0);

    expect(air.writes).toEqual([
      'c0' + '0101' + '040217e617f0b6443928278f96999e69a23a4f2c152bdf6d6cdf66e5b80282d4ed194a7debcb97712d2dda3ca85aa8765a56f45fc758599652f2897c65306e5794', // CONSOLE_HELLO
      'c0' + '03' + '2f243b2388c32fa3938ffd2859c99f15', // CONSOLE_CONFIRM
      'c0' + '10' + '01000000' + '7fa9' + '889af16f9d3030448ff7755924468de1', // SEALED REQUEST 1: READ_CHECKSUM
    ]);
    expect(air.notifications.slice(0, 2)).toEqual([
      'c0' + '02' + '04d65a93977caa3d1b081852ff57a79e465f1660577304baead505dd3a48589cf350185e895372df6221ea3a137557e473fddb6755f05bd507c3c533fce9c91285', // LOCK_HELLO
      'c0' + '04' + '6da0100708d5e782ff11e786b481435c', // LOCK_CONFIRM
    ]);
    // SEALED ANSWER 1 (the lock's counter 1): 5 header + 5 content head + 11 answer + 16 tag; its first
    // five ciphertext bytes, 02 01000000 00 (ANSWER to request 1, ok), are the golden answer's.
    expect(air.notifications[2]).toMatch(/^c0100100000016177c2689[0-9a-f]{54}$/);
    await session.close();
  });
});
