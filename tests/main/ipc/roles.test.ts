import { afterEach, describe, expect, it } from 'vitest';
import { comboUnit, jane, openTestConsole, writeCounts, type TestConsole } from '../../helpers/test-console';

let t: TestConsole;
afterEach(() => t?.close());

const grant = (schedule: object) => ({ unitId: comboUnit, kind: 'pin', schedule, guest: jane });

describe('staff roles', () => {
  it('a maintenance technician may read the hardware overview but not grant access', async () => {
    t = openTestConsole({ id: 'sam', name: 'Sam Ortiz', role: 'maintenance' });
    const before = writeCounts(t.db);
    expect(await t.core.dispatch('access.grant', grant({ type: 'permanent' }))).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'The maintenance role may not run access.grant.' },
    });
    expect(writeCounts(t.db)).toEqual(before);
    expect(await t.core.dispatch('hardware.overview', {})).toMatchObject({ ok: true });
  });

  it('only maintenance technicians and admins may program doors', async () => {
    for (const operator of [{ id: 'jordan', name: 'Jordan Lee', role: 'leasing' as const }, { id: 'lobby-kiosk', name: 'Lobby kiosk', role: 'kiosk' as const }]) {
      t = openTestConsole(operator);
      for (const command of ['hardware.program', 'hardware.setClock', 'hardware.readAudit', 'hardware.resume'] as const)
        expect(await t.core.dispatch(command, { programmerId: 'sim-hid:any:1' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      await t.close();
    }
    t = openTestConsole({ id: 'sam', name: 'Sam Ortiz', role: 'maintenance' });
    // Allowed to try: refused only because no such programmer is plugged in.
    expect(await t.core.dispatch('hardware.program', { programmerId: 'sim-hid:any:1' })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'programmerId' } });
  });

  it('a kiosk may issue only the types the guidelines give kiosks, and may not read the audit log', async () => {
    t = openTestConsole({ id: 'lobby-kiosk', name: 'Lobby kiosk', role: 'kiosk' });
    expect(await t.core.dispatch('access.grant', grant({ type: 'delivery' }))).toMatchObject({ ok: true, value: { createdBy: 'Lobby kiosk' } });
    expect(await t.core.dispatch('access.grant', grant({ type: 'permanent' }))).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'A kiosk may not issue Permanent access under Riverside Commons’ guidelines; ask the leasing office.', field: 'schedule.type' },
    });
    expect(await t.core.dispatch('activity.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('the staff member acting is the one named in the audit log', async () => {
    t = openTestConsole({ id: 'jordan', name: 'Jordan Lee', role: 'leasing' });
    await t.core.dispatch('access.grant', grant({ type: 'permanent' }));
    expect(await t.core.dispatch('activity.list', { limit: 1 })).toMatchObject({
      ok: true,
      value: { entries: [{ actor: 'Jordan Lee', action: 'access.granted', unitId: comboUnit }] },
    });
  });

  it('vendor access needs an admin where the guidelines say a manager must approve it', async () => {
    t = openTestConsole({ id: 'jordan', name: 'Jordan Lee', role: 'leasing' });
    const vendor = { ...grant({ type: 'permanent' }), audience: 'vendor', guest: { ...jane, company: 'Brightway Cleaning' } };
    expect(await t.core.dispatch('access.grant', vendor)).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'audience' } });
  });
});

describe('signing in', () => {
  it('a window starts signed out and may only list staff and sign in', async () => {
    t = openTestConsole(null);
    expect(await t.core.dispatch('session.get', {})).toMatchObject({ ok: true, value: { operator: null } });
    expect(await t.core.dispatch('staff.list', {})).toMatchObject({ ok: true, value: expect.arrayContaining([{ id: 'jordan', name: 'Jordan Lee', role: 'leasing' }]) });
    expect(await t.core.dispatch('units.list', {})).toMatchObject({ ok: false, error: { code: 'signed_out' } });
  });

  it('signs in with the right passcode, refuses a wrong one, and audits both', async () => {
    t = openTestConsole(null);
    expect(await t.core.dispatch('staff.signIn', { staffId: 'jordan', passcode: '0000' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'Wrong passcode for Jordan Lee.', field: 'passcode' },
    });
    expect(await t.core.dispatch('staff.signIn', { staffId: 'jordan', passcode: '2468' })).toMatchObject({
      ok: true,
      value: { operator: { id: 'jordan', role: 'leasing' } },
    });
    expect(await t.core.dispatch('units.list', { limit: 1 })).toMatchObject({ ok: true });
    const actions = t.db.prepare('SELECT action FROM audit_log ORDER BY seq DESC LIMIT 2').pluck().all();
    expect(actions).toEqual(['staff.signed_in', 'staff.sign_in_refused']);
  });

  it('each window has its own session', async () => {
    t = openTestConsole(null);
    const front = t.core.connect('front-desk');
    const back = t.core.connect('back-office');
    await front.dispatch('staff.signIn', { staffId: 'avery', passcode: '1357' });
    expect(await front.dispatch('session.get', {})).toMatchObject({ value: { operator: { id: 'avery' } } });
    expect(await back.dispatch('session.get', {})).toMatchObject({ value: { operator: null } });
    await front.dispatch('staff.signOut', {});
    expect(await front.dispatch('units.list', {})).toMatchObject({ ok: false, error: { code: 'signed_out' } });
  });
});

describe('a kiosk console', () => {
  it('starts signed in as the community’s kiosk staff member and cannot sign out', async () => {
    const { createCore } = await import('../../../src/main/core');
    const { tempDir } = await import('../../helpers/test-console');
    const core = createCore({ dataDir: tempDir(), loadDemoWhenEmpty: true, kiosk: true });
    try {
      expect(await core.dispatch('session.get', {})).toMatchObject({ ok: true, value: { operator: { name: 'Lobby kiosk', role: 'kiosk' }, kiosk: true } });
      expect(await core.dispatch('staff.signOut', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    } finally {
      await core.close();
    }
  });
});
