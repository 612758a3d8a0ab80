import { afterEach, expect, it } from 'vitest';
import type { Credential } from '../../../src/shared/domain';
import { formatPhone } from '../../../src/shared/phone-format';
import { comboUnit, jane, openTestConsole, type TestConsole } from '../../helpers/test-console';

/* The same number reads the same on screen, in the activity log and in its export. */

let t: TestConsole;
afterEach(() => t?.close());

it('a grant and a resend name the guest’s number in the activity log as the screen shows it', async () => {
  t = openTestConsole();
  const granted = await t.core.dispatch('access.grant', { unitId: comboUnit, kind: 'pin', audience: 'guest', schedule: { type: 'permanent' }, guest: jane });
  if (!granted.ok) throw new Error(granted.error.message);
  const credential = granted.value as Credential;
  expect(formatPhone(credential.guest.phone!)).toBe('+1 312-555-0142');
  expect(await t.core.dispatch('access.resend', { credentialId: credential.id })).toMatchObject({ ok: true });

  const summaries = t.db.prepare<[string], string>('SELECT summary FROM audit_log WHERE subject_id = ? ORDER BY seq').pluck().all(credential.id);
  expect(summaries).toHaveLength(2);
  for (const summary of summaries) {
    expect(summary).toContain('at +1 312-555-0142');
    expect(summary).not.toContain('(312)');
  }
  expect(formatPhone('+442079460958')).toBe('+442079460958');
});
