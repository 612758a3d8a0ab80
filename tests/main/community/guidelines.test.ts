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
    expect(lastAudit(t.db)).toMatchObject({ action: 'community.guidelines_changed', summary: 'Changed the guidelines: Longest temporary access 30 days → 7 days' });
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

  it('refuses rules past their limits in plain words, changing nothing', async () => {
    t = openTestConsole();
    const current = await guidelines();
    const audits = () => t.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'community.guidelines_changed'").pluck().get();
    const before = audits();
    const refusals = [
      [{ maxTemporaryDays: 400 }, 'maxTemporaryDays', 'Temporary access may last at most 365 days'],
      [{ maxTemporaryDays: 0 }, 'maxTemporaryDays', 'Temporary access lasts at least 1 day'],
      [{ deliveryWindowMinutes: 2000 }, 'deliveryWindowMinutes', 'A delivery code stays open at most 1440 minutes (a day)'],
      [{ kioskTypes: ['recurring'], allowedTypes: { pin: ['permanent'], ble: [] } }, 'kioskTypes', 'A kiosk may grant only types staff may grant: allow the type for PIN codes or Bluetooth passes first'],
      [{ allowedTypes: { pin: [], ble: [] }, kioskTypes: [] }, 'allowedTypes', 'Allow at least one type of PIN code or Bluetooth pass'],
    ] as const;
    for (const [patch, field, message] of refusals) {
      const r = await t.core.dispatch('community.updateGuidelines', { ...current, ...patch });
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', field, message: expect.stringContaining(message) } });
    }
    expect(audits()).toBe(before);
    expect(await guidelines()).toEqual(current);
  });

  it('says each change in words: kiosk types, vendor approval, delivery doors', async () => {
    t = openTestConsole();
    const current = await guidelines();
    await t.core.dispatch('community.updateGuidelines', { ...current, kioskTypes: ['delivery'], vendorNeedsManagerApproval: false, deliveryOpens: 'unit_and_common' });
    expect(lastAudit(t.db).summary).toBe(
      'Changed the guidelines: Delivery codes open common doors only → the unit and common doors; Vendor access needs an admin’s approval yes → no; A kiosk may grant Temporary, Delivery → Delivery',
    );
  });

  it('is an admin’s decision only', async () => {
    t = openTestConsole({ id: 'jordan', name: 'Jordan Lee', role: 'leasing' });
    const r = await t.core.dispatch('community.updateGuidelines', { ...(await guidelines()), maxTemporaryDays: 90 });
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
