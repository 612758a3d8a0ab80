import { afterEach, describe, expect, it } from 'vitest';
import type { Credential } from '../../../src/shared/domain';
import { comboUnit, jane, openTestConsole, writeCounts, type TestConsole } from '../../helpers/test-console';

/*
 * A kiosk may revoke, set new dates on or resend only what a kiosk granted: here a kiosk
 * staff member signs in at the front desk console, where leasing granted a delivery code.
 */

let t: TestConsole;
afterEach(() => t?.close());

const jordan = { id: 'jordan', name: 'Jordan Lee', role: 'leasing' } as const;
const at = new Date('2026-11-26T15:00:00Z');
const delivery = (name: string) => ({ unitId: comboUnit, kind: 'pin', audience: 'guest', schedule: { type: 'delivery' }, guest: { ...jane, name } });

async function ok<T>(answer: Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>): Promise<T> {
  const a = await answer;
  if (!a.ok) throw new Error(a.error!.message);
  return a.value as T;
}

describe('a kiosk changes only what a kiosk granted', () => {
  it('refuses the kiosk leasing’s grant made on the same console, changing nothing, and lets it change its own', async () => {
    t = openTestConsole(jordan, { now: () => at });
    const leasings = await ok<Credential>(t.core.dispatch('access.grant', delivery('Pat Leasing')));
    expect(leasings.grantedByRole).toBe('leasing');
    expect(leasings.grantedElsewhere).toBe(false);

    const kiosk = t.core.connect('browser:10.0.0.7');
    await ok(kiosk.dispatch('staff.signIn', { staffId: 'lobby-kiosk', passcode: '4680' }));
    const kiosks = await ok<Credential>(kiosk.dispatch('access.grant', delivery('Kim Kiosk')));
    expect(kiosks.grantedByRole).toBe('kiosk');

    const before = writeCounts(t.db);
    const tries = [
      ['access.revoke', { credentialId: leasings.id, reason: 'Moved out' }, 'revoke'],
      ['access.reschedule', { credentialId: leasings.id, schedule: { type: 'delivery', starts: '2026-11-26T12:00' } }, 'set new dates on'],
      ['access.resend', { credentialId: leasings.id }, 'text guests about'],
    ] as const;
    for (const [command, input, doing] of tries)
      expect(await kiosk.dispatch(command, input)).toMatchObject({
        ok: false,
        error: { code: 'forbidden', field: 'credentialId', message: `A kiosk may only ${doing} access a kiosk granted; Pat Leasing’s was granted by the leasing office (Jordan Lee). Ask the leasing office.` },
      });
    expect(writeCounts(t.db)).toEqual(before);
    // Each refusal is in the activity log.
    expect(t.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'access.refused' AND actor = 'Lobby kiosk'").pluck().get()).toBe(3);

    // Its own grant it may resend, give new dates and revoke; leasing may still change theirs.
    await ok(kiosk.dispatch('access.resend', { credentialId: kiosks.id }));
    const moved = await ok<Credential>(kiosk.dispatch('access.reschedule', { credentialId: kiosks.id, schedule: { type: 'delivery', starts: '2026-11-26T12:00' } }));
    expect(moved.grantedByRole).toBe('kiosk');
    await ok(kiosk.dispatch('access.revoke', { credentialId: moved.id }));
    await ok(t.core.dispatch('access.revoke', { credentialId: leasings.id }));
  });

  it('a grant whose granter is unknown (made before roles were kept) is not a kiosk’s', async () => {
    t = openTestConsole(jordan, { now: () => at });
    const old = await ok<Credential>(t.core.dispatch('access.grant', delivery('Old Grant')));
    t.db.prepare('UPDATE credentials SET granted_role = NULL WHERE id = ?').run(old.id);
    const kiosk = t.core.connect('browser:10.0.0.7');
    await ok(kiosk.dispatch('staff.signIn', { staffId: 'lobby-kiosk', passcode: '4680' }));
    expect(await kiosk.dispatch('access.revoke', { credentialId: old.id })).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('was granted by staff (Jordan Lee)') } });
  });
});
