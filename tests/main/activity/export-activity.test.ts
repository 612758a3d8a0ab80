import { afterEach, describe, expect, it } from 'vitest';
import { avery, call, comboUnit, jane, openTestConsole, permanent, type TestConsole } from '../../helpers/test-console';

let t: TestConsole | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

describe('the activity CSV', () => {
  // Intl's hour12: false wrote the hour after midnight as "24:30:00"; the screen said 12:30 AM.
  it('writes the hour after midnight in the community’s zone as 00, beside the UTC time', async () => {
    const justAfterMidnight = new Date('2026-03-10T05:30:00Z'); // 00:30 in Chicago (CDT from 8 March)
    t = openTestConsole(avery, { now: () => justAfterMidnight });
    const granted = await call(t, 'access.grant', { unitId: comboUnit, kind: 'pin', audience: 'guest', schedule: permanent, guest: jane });
    const file = await call(t, 'activity.export', {});
    const lines = file.csv.split(/\r?\n/);
    expect(lines[0]).toContain(',at_local (America/Chicago),');
    const grant = lines.filter((l) => l.includes(`,${comboUnit},`) && l.includes('Jane Doe'));
    expect(grant).toHaveLength(1);
    expect(grant[0]).toContain(',2026-03-10T05:30:00.000Z,"2026-03-10, 00:30:00",');
    expect(granted.guest?.name).toBe('Jane Doe');
  });
});
