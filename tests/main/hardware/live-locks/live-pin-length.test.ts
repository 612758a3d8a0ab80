import { CommandClasses } from '@zwave-js/core';
import { ccCaps } from '@zwave-js/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { comboUnit, jane } from '../../../helpers/test-console';
import { lockCommandClasses } from '../../devices/zwave/mock-stick';
import { openLiveLockConsole, type LiveLockConsole } from './live-lock-console';

let t: LiveLockConsole | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

/** A Schlage-like lock set to take seven-digit codes only ("User Code PIN Length", parameter 16). */
const sevenDigitLock = {
  id: 2,
  userCodeVersion: 1 as const,
  slots: 30,
  commandClasses: [
    ...lockCommandClasses({ id: 2, userCodeVersion: 1, slots: 30 }),
    ccCaps({ ccId: CommandClasses.Configuration, isSupported: true, version: 4, parameters: [{ '#': 16, valueSize: 1, name: 'User Code PIN Length', minValue: 4, maxValue: 8, defaultValue: 7 }] }),
  ],
};

const unitDoor = (c: LiveLockConsole) => c.db.prepare("SELECT id FROM doors WHERE unit_id = ? AND kind = 'unit'").pluck().get(comboUnit) as string;
const codeOf = (c: LiveLockConsole, credentialId: string) => c.db.prepare('SELECT pin_code FROM credentials WHERE id = ?').pluck().get(credentialId) as string;
const grant = (c: LiveLockConsole, name: string) =>
  c.call('access.grant', { unitId: comboUnit, kind: 'pin', audience: 'guest', schedule: { type: 'permanent' }, guest: { ...jane, name } });

describe('the PIN length of a grant on a door with a live lock', () => {
  it('follows the lock’s own setting within the door model’s range, and the lock takes the code', async () => {
    t = await openLiveLockConsole([sevenDigitLock]);
    const c = t;
    // Before the lock is on the door, the model's shortest: 6 digits (kestrel-kb500 takes 6 to 8).
    expect(codeOf(c, (await grant(c, 'Before Lock')).id)).toHaveLength(6);

    const doorId = unitDoor(c);
    await c.call('hardware.assignLiveLock', { nodeId: 2, doorId });
    await c.lockOn(doorId, (l) => l.sync !== 'pending');
    const granted = await grant(c, 'After Lock');
    expect(codeOf(c, granted.id)).toHaveLength(7);
    const synced = await c.lockOn(doorId, (l) => l.pendingSince === null && l.sync !== 'pending');
    const slot = c.db.prepare('SELECT slot FROM door_credentials WHERE credential_id = ? AND door_id = ?').pluck().get(granted.id, doorId) as number;
    expect((await c.network().lock(2).readCodes()).find((s) => s.slot === slot)).toEqual({ slot, state: 'enabled', code: codeOf(c, granted.id) });
    // The six-digit code granted before the lock came is refused by it, in words.
    expect(synced.problem).toMatch(/exactly 7 digits/);
  });
});
