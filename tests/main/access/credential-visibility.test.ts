import { afterEach, describe, expect, it } from 'vitest';
import type { Credential } from '../../../src/shared/domain';
import { comboUnit, openTestConsole, type TestConsole } from '../../helpers/test-console';

/*
 * Least privilege on screen: the lobby kiosk sees what a kiosk granted at this console, never the
 * community's other guests and their phones; maintenance sees who holds a unit's doors, not
 * their phone numbers; the office sees everything.
 */

let t: TestConsole;
afterEach(() => t?.close());

const jordan = { id: 'jordan', name: 'Jordan Lee', role: 'leasing' } as const;
const at = new Date('2026-11-26T15:00:00Z');
const delivery = (name: string, phone: string) => ({ unitId: comboUnit, kind: 'pin', audience: 'guest', schedule: { type: 'delivery' }, guest: { name, phone } });

type Answer = { ok: boolean; value?: unknown; error?: { message: string } };
async function ok<T>(answer: Promise<Answer>): Promise<T> {
  const a = await answer;
  if (!a.ok) throw new Error(a.error!.message);
  return a.value as T;
}
type UnitDetail = { credentials: Credential[]; notShown: number };
type CredentialPage = { total: number; credentials: Credential[] };
type UnitPage = { rows: { id: string }[] };
const unitsFound = async (window: { dispatch: (command: 'units.list', input: unknown) => Promise<Answer> }, search: string) =>
  (await ok<UnitPage>(window.dispatch('units.list', { search, offset: 0, limit: 50 }))).rows.map((r) => r.id);

async function signedIn(staffId: string, passcode: string) {
  const window = t.core.connect('browser:10.0.0.7');
  await ok(window.dispatch('staff.signIn', { staffId, passcode }));
  return window;
}

describe('what each role is shown of guests', () => {
  it('a kiosk lists, counts and finds only what a kiosk granted here; the rest of a unit is a count', async () => {
    t = openTestConsole(jordan, { now: () => at });
    await ok(t.core.dispatch('access.grant', delivery('Pat Leasing', '(312) 555-0181')));
    const office = await ok<UnitDetail>(t.core.dispatch('units.get', { unitId: comboUnit }));
    expect(office.notShown).toBe(0);
    expect(office.credentials.find((c) => c.guest.name === 'Pat Leasing')?.guest.phone).toBe('+13125550181');

    const kiosk = await signedIn('lobby-kiosk', '4680');
    await ok(kiosk.dispatch('access.grant', delivery('Kim Kiosk', '(312) 555-0182')));

    const unit = await ok<UnitDetail>(kiosk.dispatch('units.get', { unitId: comboUnit }));
    expect(unit.credentials.map((c) => c.guest.name)).toEqual(['Kim Kiosk']);
    expect(unit.credentials[0]!.guest.phone).toBe('+13125550182');
    expect(unit.notShown).toBe(office.credentials.length);

    const all = await ok<CredentialPage>(kiosk.dispatch('credentials.list', { offset: 0, limit: 50 }));
    expect(all).toMatchObject({ total: 1, credentials: [{ guest: { name: 'Kim Kiosk' } }] });
    for (const search of ['Pat Leasing', '555-0181', '3125550181'])
      expect(await ok<CredentialPage>(kiosk.dispatch('credentials.list', { search, offset: 0, limit: 50 }))).toMatchObject({ total: 0, credentials: [] });

    // The Units search finds a unit by the kiosk's own guest, never by the office's.
    expect(await unitsFound(kiosk, 'Kim Kiosk')).toEqual([comboUnit]);
    expect(await unitsFound(kiosk, '555-0182')).toEqual([comboUnit]);
    expect(await unitsFound(kiosk, 'Pat Leasing')).toEqual([]);
    expect(await unitsFound(kiosk, '(312) 555-0181')).toEqual([]);

    // Leasing at the same console still sees both.
    expect(await unitsFound(t.core, 'Pat Leasing')).toEqual([comboUnit]);
    for (const name of ['Kim Kiosk', 'Pat Leasing'])
      expect(await ok<CredentialPage>(t.core.dispatch('credentials.list', { search: name, offset: 0, limit: 50 }))).toMatchObject({ total: 1, credentials: [{ guest: { name } }] });
  });

  it('maintenance sees who holds a unit’s doors but no guest’s phone', async () => {
    t = openTestConsole(jordan, { now: () => at });
    await ok(t.core.dispatch('access.grant', delivery('Pat Leasing', '(312) 555-0181')));
    const maintenance = await signedIn('sam', '3579');
    const unit = await ok<UnitDetail>(maintenance.dispatch('units.get', { unitId: comboUnit }));
    expect(unit.notShown).toBe(0);
    expect(unit.credentials.map((c) => c.guest.name)).toContain('Pat Leasing');
    expect(unit.credentials.every((c) => c.guest.phone === null)).toBe(true);
    expect(JSON.stringify(unit)).not.toContain('555');
    // A phone number typed in the Units search tells maintenance nothing; unit numbers still work.
    expect(await unitsFound(maintenance, '(312) 555-0181')).toEqual([]);
    expect(await unitsFound(maintenance, 'Pat Leasing')).toEqual([]);
    expect(await unitsFound(t.core, '(312) 555-0181')).toEqual([comboUnit]);
    expect(await unitsFound(maintenance, 'North Tower 204')).toEqual([comboUnit]);
  });
});
