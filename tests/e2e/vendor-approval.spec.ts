import type { Locator, Page } from '@playwright/test';
import { sections, signInAs, startGrant } from './console-flow';
import { expect, test } from './fixtures';

/*
 * Under the demo's guidelines vendor access needs an admin's approval: leasing (Jordan, in one
 * window) asks, an admin (Avery, in another) approves and the credential appears, or declines
 * with a reason Jordan reads.
 */

async function askForVendor(page: Page, unit: string, contact: string, reason: string): Promise<Locator> {
  const { panel, dialog } = await startGrant(page, unit, 'North Tower');
  await dialog.getByRole('radio', { name: /^Vendor/ }).check();
  await dialog.getByRole('textbox', { name: 'Contact name' }).fill(contact);
  await dialog.getByLabel('Phone number').fill('312-555-0188');
  await dialog.getByRole('textbox', { name: 'Company' }).fill('Brightway Cleaning');
  await dialog.getByRole('textbox', { name: 'Reason for the admin' }).fill(reason);
  await dialog.getByRole('button', { name: 'Ask an admin' }).click();
  await expect(dialog.getByRole('status')).toContainText('Asked an admin to approve');
  // Nothing is granted meanwhile.
  await expect(panel.getByRole('article', { name: contact })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  return panel;
}

async function approvalsOnAccessPage(page: Page): Promise<Locator> {
  await sections(page).getByRole('link', { name: 'Access' }).click();
  const section = page.getByRole('region', { name: 'Vendor approvals' });
  await expect(section).toBeVisible();
  return section;
}

test('leasing asks for vendor access; an admin approves and the credential appears, or declines with a reason the requester reads', async ({ page, openConsole }) => {
  await openConsole(page);
  await signInAs(page, 'Jordan Lee', '2468');
  const adminPage = await page.context().newPage();
  await openConsole(adminPage);

  const panel = await askForVendor(page, '407', 'Dana Whitfield', 'Deep clean before move-in');
  const approvals = await approvalsOnAccessPage(adminPage);
  const request = approvals.getByRole('listitem').filter({ hasText: 'Dana Whitfield' });
  await expect(request).toContainText('Deep clean before move-in');
  await expect(request).toContainText('Waiting for an admin');
  await request.getByRole('button', { name: 'Approve' }).click();
  await expect(request).toContainText('Approved by Avery Brooks · Granted');
  // Jordan's open panel hears of the grant through the core's change event.
  const credential = panel.getByRole('article', { name: 'Dana Whitfield' });
  await expect(credential).toContainText('PIN code');
  await expect(credential).toContainText('1 text');

  await askForVendor(page, '408', 'Omar Haddad', 'Window washing');
  const second = approvals.getByRole('listitem').filter({ hasText: 'Omar Haddad' });
  await second.getByRole('button', { name: 'Decline' }).click();
  const decline = adminPage.getByRole('dialog', { name: 'Decline Jordan Lee’s request?' });
  await decline.getByRole('button', { name: 'Decline request' }).click();
  await expect(decline.getByText('Say why, in a few words.')).toBeVisible();
  await decline.getByRole('textbox', { name: 'Reason' }).fill('Window washing is booked for next month');
  await decline.getByRole('button', { name: 'Decline request' }).click();
  await expect(decline).toBeHidden();
  await expect(second).toContainText('Declined by Avery Brooks: “Window washing is booked for next month”');

  const mine = await approvalsOnAccessPage(page);
  await expect(mine.getByRole('listitem').filter({ hasText: 'Omar Haddad' })).toContainText('Declined by Avery Brooks: “Window washing is booked for next month”');
  await expect(mine.getByRole('listitem').filter({ hasText: 'Dana Whitfield' })).toContainText('Approved by Avery Brooks');
  await expect(mine.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await adminPage.close();
});

test('a vendor for a whole floor: leasing asks once from the bulk form, and one approval grants every unit', async ({ page, openConsole }) => {
  await openConsole(page);
  await signInAs(page, 'Jordan Lee', '2468');
  await sections(page).getByRole('link', { name: 'Access' }).click();
  await page.getByRole('button', { name: 'Bulk grant' }).click();
  const dialog = page.getByRole('dialog', { name: 'Bulk grant' });
  await dialog.getByRole('button', { name: /Building$/ }).click();
  await page.getByRole('option', { name: 'North Tower', exact: true }).click();
  await dialog.getByRole('button', { name: /Floor$/ }).click();
  await page.getByRole('option', { name: 'Floor 6', exact: true }).click();
  await dialog.getByRole('radio', { name: /^PIN code/ }).check();
  await dialog.getByRole('radio', { name: /^Permanent/ }).check();
  await dialog.getByRole('radio', { name: /^Vendor/ }).check();
  await dialog.getByRole('textbox', { name: 'Contact name' }).fill('Lena Park');
  await dialog.getByLabel('Phone number').fill('312-555-0177');
  await dialog.getByRole('textbox', { name: 'Company' }).fill('Northside Pest Control');
  await dialog.getByRole('textbox', { name: 'Reason for the admin' }).fill('Quarterly pest treatment, floor 6');
  await dialog.getByRole('button', { name: 'Ask an admin for 14 units' }).click();
  await expect(dialog.getByRole('status')).toContainText('Asked an admin to approve');
  await dialog.getByRole('button', { name: 'Done' }).click();

  const adminPage = await page.context().newPage();
  await openConsole(adminPage);
  const request = (await approvalsOnAccessPage(adminPage)).getByRole('listitem').filter({ hasText: 'Lena Park' });
  await expect(request).toContainText('14 units: North Tower 601, North Tower 602, North Tower 603, …');
  await request.getByRole('button', { name: 'Approve' }).click();
  await expect(request).toContainText('Approved by Avery Brooks · Granted on 14 of 14 units');
  await adminPage.close();
});
