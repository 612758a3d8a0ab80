import { afterEach, describe, expect, it } from 'vitest';
import { comboUnit, jane, openTestConsole, writeCounts, type TestConsole } from '../../helpers/test-console';

let t: TestConsole;
afterEach(() => t?.close());

const grant = { unitId: comboUnit, kind: 'pin', accessType: 'permanent', guest: jane } as const;

describe('staff roles', () => {
  it('a maintenance technician may read the hardware overview but not grant access', async () => {
    t = openTestConsole({ name: 'Sam (maintenance)', role: 'maintenance' });
    const before = writeCounts(t.db);
    expect(await t.core.dispatch('access.grant', grant)).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'The maintenance role may not run access.grant.' },
    });
    expect(writeCounts(t.db)).toEqual(before);
    expect(await t.core.dispatch('hardware.overview', {})).toMatchObject({ ok: true });
  });

  it('a kiosk may grant access but not read the audit log', async () => {
    t = openTestConsole({ name: 'Lobby kiosk', role: 'kiosk' });
    expect(await t.core.dispatch('access.grant', grant)).toMatchObject({ ok: true, value: { createdBy: 'Lobby kiosk' } });
    expect(await t.core.dispatch('activity.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('the operator acting is the one named in the audit log', async () => {
    t = openTestConsole({ name: 'Rita (leasing)', role: 'leasing' });
    await t.core.dispatch('access.grant', grant);
    expect(await t.core.dispatch('activity.list', { limit: 1 })).toMatchObject({
      ok: true,
      value: { entries: [{ actor: 'Rita (leasing)', action: 'access.granted' }] },
    });
  });
});
