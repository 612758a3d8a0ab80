import { afterEach, describe, expect, it } from 'vitest';
import type { StaffMember, UnitIndex, UnitPage } from '../../../src/shared/domain';
import { openTestConsole, type TestConsole } from '../../helpers/test-console';

let t: TestConsole | undefined;
afterEach(() => t?.close());

const kiosk: StaffMember = { id: 'lobby-kiosk', name: 'Lobby kiosk', role: 'kiosk' };
const maintenance: StaffMember = { id: 'sam', name: 'Sam Ortiz', role: 'maintenance' };

describe('the units index, by role', () => {
  it.each([kiosk, maintenance])('answers a $role the units its grid lists, and nothing of guests', async (operator) => {
    t = openTestConsole(operator);
    const index = await t.core.dispatch('units.index', {});
    const listed = await t.core.dispatch('units.list', { limit: 500 });
    if (!index.ok || !listed.ok) throw new Error('refused');
    const { ids, ...rest } = index.value as UnitIndex;
    expect(new Set(ids)).toEqual(new Set((listed.value as UnitPage).rows.map((r) => r.id)));
    // Numbers, buildings, floors and lock models only: no guest's name or phone number.
    expect(Object.keys(rest).sort()).toEqual(['building', 'buildings', 'floors', 'lockModel', 'lockModels', 'numbers']);
    expect(JSON.stringify(index.value)).not.toMatch(/\+1\d{10}/);
  });

  it('is refused to a window where nobody has signed in', async () => {
    t = openTestConsole(null);
    expect(await t.core.dispatch('units.index', {})).toMatchObject({ ok: false, error: { code: 'signed_out' } });
  });
});
