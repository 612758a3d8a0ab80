import { afterEach, describe, expect, it } from 'vitest';
import type { CodeHandOver, Credential } from '../../../src/shared/domain';
import type { Envelope } from '../../../src/shared/envelope';
import { avery, comboUnit, jane, openTestConsole, permanent, writeCounts, type TestConsole } from '../../helpers/test-console';

/*
 * A console with no cloud cannot text the guest: staff may hand the code over once, shown on
 * screen or printed on a card, and the log says so without the code.
 */
let t: TestConsole;
afterEach(() => t?.close());

const at = new Date('2026-11-26T15:00:00Z');

function value<T>(answer: Envelope<unknown>): T {
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as T;
}

async function grantJane(kind: 'pin' | 'ble' = 'pin'): Promise<Credential> {
  return value<Credential>(await t.core.dispatch('access.grant', { unitId: comboUnit, kind, schedule: permanent, guest: jane }));
}

describe('handing a code over while the text waits', () => {
  it('shows the code once to the staff member, logs it without the code, and refuses a second time saying who had it', async () => {
    t = openTestConsole(avery, { now: () => at });
    const granted = await grantJane();
    const stored = t.db.prepare('SELECT pin_code FROM credentials WHERE id = ?').pluck().get(granted.id) as string;

    const card = value<CodeHandOver>(await t.core.dispatch('access.handOverCode', { credentialId: granted.id, how: 'shown' }));
    expect(card).toMatchObject({ code: stored, guestName: 'Jane Doe', unitLabel: 'North Tower 204', scheduleText: 'Until revoked' });
    expect(card.doors).toContain('North Tower 204');

    const logged = t.db.prepare("SELECT summary, details_json FROM audit_log WHERE action = 'access.code_handed_over'").all() as { summary: string; details_json: string }[];
    expect(logged.map((l) => l.summary)).toEqual(['Jane Doe’s PIN code for North Tower 204 was shown on screen for Avery Brooks to hand over while the text waits']);
    expect(JSON.stringify(logged)).not.toContain(stored);

    const again = await t.core.dispatch('access.handOverCode', { credentialId: granted.id, how: 'printed' });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict', message: 'Jane Doe’s code was already shown on screen for Avery Brooks on Nov 26, 2026, 9:00 AM; it is handed over once. If it was lost, revoke it and grant a new one.' } });
    expect(JSON.stringify(again)).not.toContain(stored);
    const unit = value<{ credentials: Credential[] }>(await t.core.dispatch('units.get', { unitId: comboUnit }));
    expect(unit.credentials.find((c) => c.id === granted.id)?.codeHandOver).toEqual({ at: at.toISOString(), by: 'Avery Brooks', how: 'shown' });
  });

  it('has no code to give for a Bluetooth pass, nor once the text was sent, and writes nothing then', async () => {
    t = openTestConsole(avery, { now: () => at });
    const pass = await grantJane('ble');
    const before = writeCounts(t.db);
    expect(await t.core.dispatch('access.handOverCode', { credentialId: pass.id, how: 'printed' })).toMatchObject({ ok: false, error: { code: 'not_allowed', message: expect.stringContaining('Bluetooth pass') } });

    const pin = await grantJane();
    t.db.prepare("UPDATE credentials SET notification = 'sent' WHERE id = ?").run(pin.id);
    const sent = writeCounts(t.db);
    expect(await t.core.dispatch('access.handOverCode', { credentialId: pin.id, how: 'shown' })).toMatchObject({ ok: false, error: { code: 'not_allowed', message: expect.stringContaining('was sent') } });
    expect(writeCounts(t.db)).toEqual(sent);
    expect(before.credentials).toBe((sent.credentials as number) - 1);
    expect(t.db.prepare('SELECT count(*) FROM credentials WHERE code_handed_over_at IS NOT NULL').pluck().get()).toBe(0);
  });

  it('is for office staff: a kiosk is refused', async () => {
    t = openTestConsole(avery, { now: () => at });
    const granted = await grantJane();
    const kiosk = t.core.connect('browser:10.0.0.7');
    value(await kiosk.dispatch('staff.signIn', { staffId: 'lobby-kiosk', passcode: '4680' }));
    expect(await kiosk.dispatch('access.handOverCode', { credentialId: granted.id, how: 'shown' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
