import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zwaveNetwork } from '../../../../src/main/devices/zwave/zwave-network';
import type { LiveLockNetwork } from '../../../../src/main/devices/live/live-lock-network';
import { startMockStick, type MockStick } from './mock-stick';

const anyone = { userType: 'unrestricted_user' as const, weekDaySchedules: [], yearDaySchedules: [] };

describe('a User Code v1 lock through zwave-js', () => {
  let stick: MockStick;
  let network: LiveLockNetwork;
  beforeAll(async () => {
    stick = await startMockStick([{ id: 2, userCodeVersion: 1, slots: 10 }]);
    network = zwaveNetwork(stick.driver, { path: '/dev/mock-zwave', label: 'Test stick', simulated: true });
  });
  afterAll(async () => {
    await network.close();
    await stick.stop();
  });

  it('lists the lock with the slots it reports and no bulk or checksum', () => {
    const [lock] = network.locks();
    expect(lock).toMatchObject({ nodeId: 2, status: 'alive' });
    expect(lock!.capabilities).toMatchObject({ slots: 10, bulkCodes: false, tableChecksum: false });
    expect(network.info()).toMatchObject({ protocol: 'zwave', networkId: '7e570001', simulated: true });
  });

  it('writes codes one slot at a time and reads them back', async () => {
    const lock = network.lock(2);
    const outcomes = await lock.writeCodes([
      { slot: 1, code: '482913', user: anyone },
      { slot: 3, code: '1234', user: anyone },
    ]);
    expect(outcomes).toEqual([
      { slot: 1, outcome: 'written', detail: null },
      { slot: 3, outcome: 'written', detail: null },
    ]);
    const table = await lock.readCodes();
    expect(table).toHaveLength(10);
    expect(table.filter((c) => c.state !== 'available')).toEqual([
      { slot: 1, state: 'enabled', code: '482913' },
      { slot: 3, state: 'enabled', code: '1234' },
    ]);
    expect(await lock.codesChecksum()).toBeNull();
    expect(await lock.clearCodes([1])).toEqual([{ slot: 1, outcome: 'cleared', detail: null }]);
    expect((await lock.readCodes()).find((c) => c.slot === 1)).toEqual({ slot: 1, state: 'available', code: '' });
  });

  it('refuses a code that is not digits or a slot the lock lacks, without sending it', async () => {
    const outcomes = await network.lock(2).writeCodes([
      { slot: 11, code: '482913', user: anyone },
      { slot: 4, code: '12ab', user: anyone },
      { slot: 5, code: '123', user: anyone },
    ]);
    expect(outcomes.map((o) => o.outcome)).toEqual(['refused', 'refused', 'refused']);
    expect(outcomes[0]!.detail).toMatch(/not one of the lock's 10 slots/);
    expect(outcomes[1]!.detail).toMatch(/digits only/);
    expect(outcomes[2]!.detail).toMatch(/4 to 10 digits/);
  });

  it('says a node that is not a lock is not one', () => {
    expect(() => network.lock(9)).toThrow(/Node 9 is not a lock/);
  });
});
