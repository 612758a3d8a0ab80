import { afterEach, describe, expect, it } from 'vitest';
import type { Community } from '../../../src/shared/domain';
import { comboUnit, jane, lastAudit, openTestConsole, type TestConsole } from '../../helpers/test-console';

let t: TestConsole;
afterEach(() => t?.close());

async function guidelines(): Promise<Community['guidelines']> {
  return ((await t.core.dispatch('community.get', {})) as { value: Community }).value.guidelines;
}

describe('an admin changing the guidelines', () => {
  it('applies to the next grant and is audited with what changed', async () => {
    t = openTestConsole();
    const current = await guidelines();
    const r = await t.core.dispatch('community.updateGuidelines', { ...current, maxTemporaryDays: 7 });
    expect(r).toMatchObject({ ok: true, value: { guidelines: { maxTemporaryDays: 7 } } });
    expect(lastAudit(t.db)).toMatchObject({ action: 'community.guidelines_changed', summary: 'Changed the guidelines: maxTemporaryDays 30 → 7' });
    const grant = await t.core.dispatch('access.grant', {
      unitId: comboUnit, kind: 'pin', guest: jane, schedule: { type: 'temporary', starts: '2030-01-01T09:00', ends: '2030-01-10T09:00' },
    });
    expect(grant).toMatchObject({ ok: false, error: { code: 'not_allowed', message: expect.stringContaining('at most 7 days') } });
  });

  it('refuses an amenity that is not one of the community’s amenity doors', async () => {
    t = openTestConsole();
    const r = await t.core.dispatch('community.updateGuidelines', { ...(await guidelines()), amenityDoorIds: ['garage-gate'] });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'amenityDoorIds' } });
  });

  it('is an admin’s decision only', async () => {
    t = openTestConsole({ id: 'jordan', name: 'Jordan Lee', role: 'leasing' });
    const r = await t.core.dispatch('community.updateGuidelines', { ...(await guidelines()), maxTemporaryDays: 90 });
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
