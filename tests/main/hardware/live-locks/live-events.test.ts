import { describe, expect, it } from 'vitest';
import { comboUnit, jane } from '../../../helpers/test-console';
import { liveLockConsolePerTest, type LiveLockConsole } from './live-lock-console';
import { codeOf, slotOf, unitDoorOf } from './live-lock-fixtures';
import { codeSetAtKeypad, keypadUnlock } from './lock-frames';

const openLiveLockConsole = liveLockConsolePerTest();

async function untilActivity(c: LiveLockConsole, pattern: RegExp): Promise<string> {
  for (;;) {
    const page = await c.call('activity.list', { limit: 20 });
    const found = page.entries.find((e) => pattern.test(e.summary));
    if (found) return found.summary;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('a live lock’s news', () => {
  it('puts a keypad unlock in the activity log with the guest’s name, and puts back a code changed at the lock’s keypad', async () => {
    const c = await openLiveLockConsole([{ id: 2, userCodeVersion: 2, slots: 30 }]);
    const doorId = unitDoorOf(c.db, comboUnit);
    await c.call('hardware.assignLiveLock', { nodeId: 2, doorId });
    const granted = await c.call('access.grant', { unitId: comboUnit, kind: 'pin', audience: 'guest', schedule: { type: 'permanent' }, guest: jane });
    await c.lockOn(doorId, (l) => l.sync === 'in_sync');
    const slot = slotOf(c.db, granted.id, doorId);

    await keypadUnlock(c.stick, 2, slot);
    expect(await untilActivity(c, /unlocked at its keypad/)).toMatch(new RegExp(`with Jane Doe’s code \\(slot ${slot}\\)`));

    const putBack = () => c.db.prepare("SELECT count(*) FROM audit_log WHERE summary LIKE '%lock took 1 code and removed 0 codes%'").pluck().get() as number;
    const before = putBack();
    await codeSetAtKeypad(c.stick, 2, slot, '999999');
    while (putBack() === before) await new Promise((r) => setTimeout(r, 50));
    expect((await c.network().lock(2).readCodes()).find((s) => s.slot === slot)).toEqual({ slot, state: 'enabled', code: codeOf(c.db, granted.id) });
  });
});
