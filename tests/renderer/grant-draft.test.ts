import { CalendarDateTime } from '@internationalized/date';
import { describe, expect, it } from 'vitest';
import type { Guidelines, LockCapabilities } from '../../src/shared/domain';
import { CommandError } from '../../src/renderer/src/api/porter-client';
import { formErrors } from '../../src/renderer/src/features/access/grant-form/form-errors';
import { grantFormFields, newGrantDraft, toGrantRequest, withKind } from '../../src/renderer/src/features/access/grant-form/grant-draft';
import { firstKind, kindNote, needsApproval, whyAudienceUnavailable, whyKindUnavailable, whyTypeUnavailable, type GrantLimits } from '../../src/renderer/src/features/access/grant-form/grant-options';
import { toGuestInput } from '../../src/renderer/src/features/access/grant-form/guest-draft';

/** The demo community's guidelines and two of its lock models. */
const guidelines: Guidelines = {
  allowedTypes: { pin: ['permanent', 'temporary', 'recurring', 'delivery'], ble: ['permanent', 'temporary'] },
  maxTemporaryDays: 30,
  deliveryWindowMinutes: 120,
  deliveryOpens: 'common_only',
  vendorNeedsManagerApproval: true,
  kioskTypes: ['temporary', 'delivery'],
  amenityDoorIds: [],
};
const kb500: LockCapabilities = { credentialKinds: ['pin', 'ble'], pinLength: { min: 6, max: 8 }, slots: 100, scheduleKinds: ['week_day', 'year_day', 'one_time'], hasEnterKey: false };
const bt10: LockCapabilities = { credentialKinds: ['ble'], pinLength: null, slots: 20, scheduleKinds: ['year_day'], hasEnterKey: false };
const limits = (patch: Partial<GrantLimits> = {}): GrantLimits => ({
  communityName: 'Maple Court',
  guidelines,
  role: 'leasing',
  lock: { name: 'KB-500', capabilities: kb500 },
  ...patch,
});
const now = new CalendarDateTime(2026, 3, 14, 9, 40);

describe('a new grant draft', () => {
  it('starts as a permanent PIN code for a guest, with empty fields that ask the core for nothing yet', () => {
    const draft = newGrantDraft(limits(), now);
    expect(draft).toMatchObject({ kind: 'pin', guest: { audience: 'guest', name: '', phone: '', company: '' }, schedule: { type: 'permanent' } });
    expect(toGrantRequest(draft)).toEqual({ kind: 'pin', audience: 'guest', guest: { name: '', phone: '' }, schedule: { type: 'permanent' } });
  });

  it('takes a preferred type and audience only where they are allowed', () => {
    expect(newGrantDraft(limits({ role: 'admin' }), now, { type: 'delivery', audience: 'vendor' })).toMatchObject({ guest: { audience: 'vendor' }, schedule: { type: 'delivery' } });
    // A vendor needs an admin's approval; a kiosk may not grant permanent access.
    expect(newGrantDraft(limits(), now, { audience: 'vendor' })).toMatchObject({ guest: { audience: 'guest' } });
    const kiosk = newGrantDraft(limits({ role: 'kiosk' }), now, { type: 'permanent', audience: 'vendor' });
    expect(kiosk).toMatchObject({ guest: { audience: 'guest' }, schedule: { type: 'temporary' } });
  });

  it('offers a Bluetooth pass first on a lock that holds no PIN codes', () => {
    expect(newGrantDraft(limits({ lock: { name: 'BT-10', capabilities: bt10 } }), now)).toMatchObject({ kind: 'ble', schedule: { type: 'permanent' } });
  });
});

describe('changing the kind', () => {
  it('keeps the type when it still fits, and takes the first that does when not', () => {
    const temporary = { ...newGrantDraft(limits(), now, { type: 'temporary' }) };
    expect(withKind(limits(), temporary, 'ble').schedule.type).toBe('temporary');
    const recurring = newGrantDraft(limits(), now, { type: 'recurring' });
    const asPass = withKind(limits(), recurring, 'ble');
    expect(asPass).toMatchObject({ kind: 'ble', schedule: { type: 'permanent' } });
    // What was typed for the weekly window is still there on the way back.
    expect(withKind(limits(), { ...asPass, schedule: { ...asPass.schedule, type: 'recurring' } }, 'pin').schedule.recurring).toEqual(recurring.schedule.recurring);
  });
});

describe('the grant request', () => {
  it('trims what was typed and sends a company only for a vendor', () => {
    const draft = newGrantDraft(limits(), now, { type: 'temporary' });
    const typed = { ...draft, guest: { audience: 'vendor' as const, name: '  Ana Ruiz ', phone: ' +1 312 555 0134 ', company: ' Quick Fix  ' } };
    expect(toGrantRequest(typed)).toEqual({
      kind: 'pin',
      audience: 'vendor',
      guest: { name: 'Ana Ruiz', phone: '+1 312 555 0134', company: 'Quick Fix' },
      schedule: { type: 'temporary', starts: '2026-03-14T09:40', ends: '2026-03-15T09:40' },
    });
    expect(toGuestInput({ ...typed.guest, audience: 'guest' })).toEqual({ name: 'Ana Ruiz', phone: '+1 312 555 0134' });
    expect(toGuestInput({ ...typed.guest, company: '   ' })).toEqual({ name: 'Ana Ruiz', phone: '+1 312 555 0134' });
  });

  it('is not made while the schedule misses a field', () => {
    const draft = newGrantDraft(limits(), now, { type: 'recurring' }); // no day picked
    expect(toGrantRequest(draft)).toBeNull();
    expect(toGrantRequest({ ...draft, schedule: { ...draft.schedule, recurring: { ...draft.schedule.recurring, days: ['mon'] } } })).toMatchObject({
      schedule: { type: 'recurring', days: ['mon'], from: '09:00', until: '17:00' },
    });
  });
});

describe('what a grant may offer here', () => {
  it('says why a type is not offered, in the staff member’s words', () => {
    expect(whyTypeUnavailable(limits(), 'ble', 'delivery')).toBe('Not for Bluetooth passes');
    expect(whyTypeUnavailable(limits({ guidelines: { ...guidelines, allowedTypes: { pin: ['permanent'], ble: [] } } }), 'pin', 'temporary')).toBe('Not allowed at Maple Court');
    expect(whyTypeUnavailable(limits({ role: 'kiosk' }), 'pin', 'recurring')).toBe('Not from a kiosk');
    expect(whyTypeUnavailable(limits({ lock: { name: 'BT-10', capabilities: bt10 } }), 'pin', 'permanent')).toBe('Lock holds no PIN codes');
    expect(whyTypeUnavailable(limits({ lock: { name: 'BT-10', capabilities: { ...bt10, credentialKinds: ['pin', 'ble'] } } }), 'pin', 'recurring')).toBe('Lock has no weekly schedules');
    expect(whyTypeUnavailable(limits(), 'pin', 'recurring')).toBeNull();
  });

  it('lets a delivery code past a lock that holds none when deliveries open only the common doors', () => {
    const bt = limits({ lock: { name: 'BT-10', capabilities: bt10 } });
    expect(whyTypeUnavailable(bt, 'pin', 'delivery')).toBeNull();
    expect(kindNote(bt, 'pin')).toBe('Delivery codes only (common doors)');
    expect(firstKind(bt)).toBe('ble'); // the kind the unit's own lock holds comes first
    const unitToo = limits({ lock: { name: 'BT-10', capabilities: bt10 }, guidelines: { ...guidelines, deliveryOpens: 'unit_and_common' } });
    expect(whyTypeUnavailable(unitToo, 'pin', 'delivery')).toBe('Lock holds no PIN codes');
    expect(whyKindUnavailable(unitToo, 'pin')).toBe('The BT-10 lock cannot hold it');
  });

  it('leaves each unit’s lock to the core in a bulk grant', () => {
    expect(whyTypeUnavailable(limits({ lock: null }), 'pin', 'recurring')).toBeNull();
    expect(whyAudienceUnavailable(limits({ role: 'admin' }), 'vendor')).toBeNull();
    // Leasing asks an admin for vendor access; a kiosk cannot ask.
    expect(whyAudienceUnavailable(limits(), 'vendor')).toBeNull();
    expect(needsApproval(limits(), 'vendor')).toBe(true);
    expect(needsApproval(limits({ role: 'admin' }), 'vendor')).toBe(false);
    expect(whyAudienceUnavailable(limits({ role: 'kiosk' }), 'vendor')).toBe('Needs an admin’s approval');
  });
});

describe('a refusal from the core', () => {
  it('is said next to the field it names, without the field’s name in front', () => {
    const errors = formErrors(new CommandError('access.grant', 'invalid_input', 'guest.phone: not a phone number', 'guest.phone'), grantFormFields);
    expect(errors.at('guest.phone')).toBe('Not a phone number');
    expect(errors.at('guest.name')).toBeUndefined();
    expect(errors.general).toBeNull();
  });

  it('is said above the buttons when the form shows no such field, or names none', () => {
    expect(formErrors(new CommandError('access.grant', 'invalid_input', 'doors: no door on that unit', 'doors'), grantFormFields).general).toBe('doors: no door on that unit');
    expect(formErrors(new Error('The console is busy'), grantFormFields).general).toBe('The console is busy');
    expect(formErrors(null, grantFormFields).general).toBeNull();
  });
});
