import { describe, expect, it } from 'vitest';
import { commit, readChecksum, readAudit, stageBegin, stagePut } from '../../../../src/main/devices/keyprog/commands';
import { tableChecksum } from '../../../../src/main/devices/keyprog/credential-table';
import { openBleLockSession } from '../../../../src/main/devices/ble/session/ble-lock-session';
import { transportFailure } from '../../../../src/main/devices/drivers/send-command';
import type { VirtualPeripheral } from '../../../../src/main/devices/ble/gatt';
import { encodeLockInfo } from '../../../../src/main/devices/ble/protocol/lock-info';
import { controlPointUuid, lockInfoUuid, lockServiceUuid, responseUuid } from '../../../../src/main/devices/ble/protocol/lock-service';
import { loopbackCentral } from '../../../../simulators/devices/ble-lock/loopback-central';
import { pinEntry } from '../sim-door/rig';
import { doorFailure, lockKey, lockRig, never, sessionError, untilHungUp } from './ble-rig';
import { recording } from './wire-taps';

const entries = Array.from({ length: 100 }, (_, i) => pinEntry(i + 1, String(500_000 + i)));

describe('the BLE session', () => {
  it('skips a late answer after a timeout, and answers the next request with its own', async () => {
    const { session, door } = lockRig({ writeMsPerEntry: 2 }); // a 100-entry commit writes for 200 ms
    const open = await session();
    await open.exchange('msg', stageBegin.encode({ baseChecksum: 0, fromEmpty: true }), { signal: never() });
    await open.exchange('msg', stagePut.encode({ entries }), { signal: never() });
    const slow = await sessionError(open.exchange('msg', commit.encode({ expectedChecksum: tableChecksum(entries) }), { signal: never(), timeoutMs: 1 }));
    expect(slow).toMatchObject({ code: 'timeout', retrySafe: false });
    expect(open.isOpen).toBe(true);
    while (door.tableState.version === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    // The commit's answer now arrives first; the session knows it answers an abandoned request.
    const answer = await open.exchange('msg', readChecksum.encode(), { signal: never() });
    expect(readChecksum.decode(answer.payload)).toEqual({ status: 'ok', version: 1, checksum: tableChecksum(entries), usedSlots: 100 });
    await open.close();
  });

  it('runs exchanges one at a time, in call order', async () => {
    const { session, door } = lockRig();
    door.simulateUse(1);
    const open = await session();
    const answers = await Promise.all([
      open.exchange('msg', readChecksum.encode(), { signal: never() }),
      open.exchange('msg', readAudit.encode({ afterRecord: 0, maxRecords: 10 }), { signal: never() }),
      open.exchange('msg', readChecksum.encode(), { signal: never() }),
    ]);
    expect(answers.map((a) => a.payload[0])).toEqual([0, 0, 0]);
    expect(readAudit.decode(answers[1]!.payload)).toMatchObject({ status: 'ok', records: [{ number: 1 }] });
    await open.close();
  });

  /** A session whose COMMIT (one segment, 200 ms of flash writing) the caller aborts at `when`. */
  async function abortedCommit(when: 'during the write' | 'after the write') {
    const { connect } = lockRig({ writeMsPerEntry: 2 });
    const stop = new AbortController();
    let armed = false;
    const air = recording(await connect(), () => armed && (when === 'during the write' ? stop.abort() : setImmediate(() => stop.abort())));
    const open = await openBleLockSession(air.connection, lockKey, never());
    await open.exchange('msg', stageBegin.encode({ baseChecksum: 0, fromEmpty: true }), { signal: never() });
    await open.exchange('msg', stagePut.encode({ entries }), { signal: never() });
    armed = true;
    const error = await sessionError(open.exchange('msg', commit.encode({ expectedChecksum: tableChecksum(entries) }), { signal: stop.signal }));
    return { error, open };
  }

  it('gives up on the caller’s abort after the request went out, and stays open', async () => {
    const { error, open } = await abortedCommit('after the write');
    expect(error).toMatchObject({ code: 'aborted', retrySafe: false });
    expect(transportFailure(error).reason).toBe('aborted');
    expect(open.isOpen).toBe(true); // the late answer will be skipped
    await open.close();
  });

  it('ends the session on an abort while the last write is in flight, which may have reached the lock', async () => {
    const { error, open } = await abortedCommit('during the write');
    expect(error).toMatchObject({ code: 'aborted', retrySafe: false });
    expect(open.isOpen).toBe(false);
  });

  it('fails a pending exchange with closed, and every later one', async () => {
    const { session, lock } = lockRig({ writeMsPerEntry: 2 });
    const open = await session();
    await open.exchange('msg', stageBegin.encode({ baseChecksum: 0, fromEmpty: true }), { signal: never() });
    await open.exchange('msg', stagePut.encode({ entries }), { signal: never() });
    const pending = open.exchange('msg', commit.encode({ expectedChecksum: tableChecksum(entries) }), { signal: never() });
    await open.close();
    expect(await sessionError(pending)).toMatchObject({ code: 'closed' });
    expect(await doorFailure(open.exchange('msg', readChecksum.encode(), { signal: never() }))).toMatchObject({ reason: 'disconnected' });
    await untilHungUp(lock);
  });

  it('refuses a payload over the key-programmer’s limit without sending anything', async () => {
    const open = await lockRig().session();
    expect(await sessionError(open.exchange('msg', new Uint8Array(7606), { signal: never() }))).toMatchObject({ code: 'payload_too_large', retrySafe: true });
    expect(open.isOpen).toBe(true);
    await open.close();
  });

  it('refuses a lock key of the wrong size before connecting', async () => {
    const { connect } = lockRig();
    await expect(openBleLockSession(await connect(), lockKey.subarray(0, 16), never())).rejects.toThrow(RangeError);
  });

  it('disconnects when opening fails, so the lock is free for the next try', async () => {
    const { session, lock } = lockRig();
    lock.inject({ kind: 'wrong_key' });
    await sessionError(session());
    await untilHungUp(lock);
    lock.clearFault('wrong_key');
    const open = await session();
    expect(open.lockInfo).toMatchObject({ serial: 'KB5-004217', modelId: 'kestrel-kb500', commissioned: true, protocolVersion: 1 });
    await open.close();
  });
});

describe('what the lock does with bytes it cannot read', () => {
  it('answers a stray segment with ERROR protocol and hangs up', async () => {
    const { connect, lock } = lockRig();
    const connection = await connect();
    const heard: string[] = [];
    const hungUp = new Promise((resolve) => connection.onDisconnect(resolve));
    await connection.subscribe(responseUuid, (value) => heard.push(Buffer.from(value).toString('hex')));
    await connection.write(controlPointUuid, Uint8Array.of(0x41, 0x10), never()); // a last segment with no first
    await hungUp;
    expect(heard).toEqual(['c0' + '7f01']); // ERROR, protocol
    await untilHungUp(lock);
  });
});

describe('a lock that never answers', () => {
  it('times the handshake out and lets the connection go', async () => {
    const info = encodeLockInfo({ protocolVersion: 1, commissioned: true, serial: 'MUTE-1', modelId: 'kestrel-kb500', firmware: '1.0.0' });
    let disconnected = false;
    const mute: VirtualPeripheral = {
      address: 'c0:00:00:00:00:01',
      advertisingData: () => new Uint8Array(0),
      scanResponseData: () => new Uint8Array(0),
      services: [{ uuid: lockServiceUuid, characteristics: [{ uuid: lockInfoUuid, properties: ['read'], onRead: () => info }, { uuid: controlPointUuid, properties: ['write'] }, { uuid: responseUuid, properties: ['notify'] }] }],
      inRange: () => true,
      rssi: () => -50,
      connected: () => undefined,
      disconnected: () => void (disconnected = true),
    };
    const connection = await loopbackCentral([mute]).connect(mute.address, lockServiceUuid, never());
    const error = await sessionError(openBleLockSession(connection, lockKey, never(), { messageTimeoutMs: 50 }));
    expect(error).toMatchObject({ code: 'timeout' });
    expect(transportFailure(error).reason).toBe('timeout');
    await new Promise((resolve) => setImmediate(resolve));
    expect(disconnected).toBe(true);
  });
});
