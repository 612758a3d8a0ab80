import type { Page } from '@playwright/test';
import { expectNoSeriousFindings } from './axe-check';
import { chooseType, communityDay, fillGuest, sections, signInAs, startGrant, typeDateTime } from './console-flow';
import { expect, test } from './fixtures';

/**
 * axe-core over the dialogs and pages accessibility.spec.ts does not reach: a credential's new
 * dates, handing a code over while its text waits, the Guidelines page, vendor approvals (the
 * Hardware page's dialogs: accessibility-hardware.spec.ts). Signed in as the preset admin unless a step says.
 */

const dialog = '[role="dialog"]';

async function goTo(page: Page, section: 'Access' | 'Guidelines'): Promise<void> {
  await sections(page).getByRole('link', { name: section }).click();
  await expect(page.getByRole('heading', { name: section, level: 2 })).toBeVisible();
}

test('New dates and Hand over code have no serious accessibility finding', async ({ page, openConsole }) => {
  await openConsole(page);
  const { panel, dialog: grant } = await startGrant(page, '212', 'North Tower');
  await chooseType(grant, 'PIN code', 'Temporary');
  await fillGuest(grant, 'Lena Park', '773-555-0119');
  await typeDateTime(page, grant.getByRole('group', { name: 'Ends' }), communityDay(2, 18));
  await grant.getByRole('button', { name: 'Grant access' }).click();
  await expect(grant).toBeHidden();
  const credential = panel.getByRole('article', { name: 'Lena Park' });

  await credential.getByRole('button', { name: /^Edit dates/ }).click();
  const edit = page.getByRole('dialog', { name: 'New dates for Lena Park' });
  await expect(edit).toContainText('Now: ');
  await expectNoSeriousFindings(page, 'New dates', dialog);
  // An end before the start: the refusal in its colour, next to the field.
  await typeDateTime(page, edit.getByRole('group', { name: 'Ends' }), communityDay(-2, 9));
  await edit.getByRole('button', { name: 'Save new dates' }).click();
  await expect(edit.getByRole('spinbutton', { name: 'month, Ends' })).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousFindings(page, 'New dates with a refusal', dialog);
  await edit.getByRole('button', { name: 'Cancel' }).click();
  await expect(edit).toBeHidden();

  // A training console has no cloud: the text waits, and the code can be handed over once.
  await credential.getByRole('button', { name: 'Hand over Lena Park’s code' }).click();
  const handOver = page.getByRole('dialog', { name: 'Hand over Lena Park’s code' });
  await expect(handOver.getByRole('button', { name: 'Show the code' })).toBeVisible();
  await expectNoSeriousFindings(page, 'Hand over code', dialog);
  await handOver.getByRole('button', { name: 'Show the code' }).click();
  await expect(handOver.getByRole('region', { name: 'Access card for Lena Park' })).toBeVisible();
  await expectNoSeriousFindings(page, 'Hand over code, the code shown', dialog);
  await handOver.getByRole('button', { name: 'Done' }).click();
  await expect(handOver).toBeHidden();
});

test('the Guidelines page and the vendor approvals have no serious accessibility finding', async ({ page, openConsole }) => {
  await openConsole(page);
  await goTo(page, 'Guidelines');
  const form = page.getByRole('region', { name: 'Guidelines' });
  await expect(form.getByRole('textbox', { name: 'Longest temporary access (days)' })).toHaveValue('30');
  await expectNoSeriousFindings(page, 'the Guidelines page');
  // Refusals at their fields: a number that is not one, a kiosk type staff may not grant.
  await form.getByRole('textbox', { name: 'Longest temporary access (days)' }).fill('');
  await form.getByRole('group', { name: 'PIN codes' }).getByRole('checkbox', { name: 'Recurring' }).uncheck();
  await form.getByRole('group', { name: 'A kiosk may grant' }).getByRole('checkbox', { name: 'Recurring' }).check();
  await form.getByRole('button', { name: 'Save guidelines' }).click();
  await expect(form.getByText('Enter a whole number.')).toBeVisible();
  await expectNoSeriousFindings(page, 'the Guidelines page with its refusals');
  await form.getByRole('button', { name: 'Discard changes' }).click();

  // Leasing asks for vendor access (another window); the admin sees the request on Access.
  const leasing = await page.context().newPage();
  await openConsole(leasing);
  await signInAs(leasing, 'Jordan Lee', '2468');
  const { dialog: ask } = await startGrant(leasing, '409', 'North Tower');
  await ask.getByRole('radio', { name: /^Vendor/ }).check();
  await expect(ask.getByRole('button', { name: 'Ask an admin' })).toBeVisible();
  await expectNoSeriousFindings(leasing, 'the grant form asking an admin', dialog);
  await fillGuest(ask, 'Rosa Lindqvist', '312-555-0188');
  await ask.getByRole('textbox', { name: 'Company' }).fill('Brightway Cleaning');
  await ask.getByRole('textbox', { name: 'Reason for the admin' }).fill('Deep clean before move-in');
  await ask.getByRole('button', { name: 'Ask an admin' }).click();
  await expect(ask.getByRole('status')).toContainText('Asked an admin to approve');
  await expectNoSeriousFindings(leasing, 'the request sent', dialog);
  await ask.getByRole('button', { name: 'Done' }).click();
  await leasing.close();

  await goTo(page, 'Access');
  const approvals = page.getByRole('region', { name: 'Vendor approvals' });
  const request = approvals.getByRole('listitem').filter({ hasText: 'Rosa Lindqvist' });
  await expect(request).toContainText('Waiting for an admin');
  await expectNoSeriousFindings(page, 'Access with a vendor approval waiting');
  await request.getByRole('button', { name: 'Decline' }).click();
  const decline = page.getByRole('dialog', { name: 'Decline Jordan Lee’s request?' });
  await decline.getByRole('button', { name: 'Decline request' }).click();
  await expect(decline.getByText('Say why, in a few words.')).toBeVisible();
  await expectNoSeriousFindings(page, 'declining a request, without a reason', dialog);
  await decline.getByRole('button', { name: 'Cancel' }).click();
  await expect(decline).toBeHidden();
});
