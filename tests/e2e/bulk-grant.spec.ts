import type { Locator, Page } from '@playwright/test';
import { fillGuest, typeTime } from './console-flow';
import { expect, test } from './fixtures';

/**
 * Bulk grants from the Access page: one credential per unit on a floor, the core checking
 * each unit's doors before Save, and the outcome per unit; a vendor's is one visit (one code,
 * one text, ended as one). Demo floors: North Tower 3 is all KB-500
 * (PIN and Bluetooth, every schedule kind); Garden Court 1 mixes KB-500 and ZW-300 Z-Wave deadbolts (PIN
 * only); South Tower 2 is all BT-10 (Bluetooth only).
 */

async function openBulkGrant(page: Page): Promise<Locator> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Access' }).click();
  await page.getByRole('button', { name: 'Bulk grant' }).click();
  const dialog = page.getByRole('dialog', { name: 'Bulk grant' });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function pick(page: Page, dialog: Locator, field: 'Building' | 'Floor', option: string): Promise<void> {
  await dialog.getByRole('button', { name: new RegExp(`${field}$`) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('a vendor on a whole floor of KB-500 locks: every unit granted, each listed and linked to its unit', async ({
  page,
  openConsole,
}) => {
  await openConsole(page);
  const dialog = await openBulkGrant(page);
  // Before anything is typed, the form says what a vendor on many units gets.
  await expect(dialog).toContainText('A vendor gets one code or pass, and one text, for the whole visit');
  await pick(page, dialog, 'Building', 'North Tower');
  await pick(page, dialog, 'Floor', 'Floor 3');
  await expect(dialog).toContainText('14 units (14 × KB-500 Keypad + Bluetooth)');

  await dialog.getByRole('radio', { name: /^PIN code/ }).check();
  await dialog.getByRole('radio', { name: /^Recurring/ }).check();
  await expect(dialog.getByRole('radio', { name: /^Vendor/ })).toBeChecked();
  await fillGuest(dialog, 'Dana Whitfield', '312-555-0131');
  await dialog.getByRole('textbox', { name: 'Company' }).fill('Brightway Cleaning');
  for (const day of ['Tuesday', 'Thursday']) await dialog.getByRole('checkbox', { name: day }).check();
  await typeTime(page, dialog.getByRole('group', { name: 'From' }), { hour: 9, minute: 0 });
  await typeTime(page, dialog.getByRole('group', { name: 'Until' }), { hour: 12, minute: 0 });
  await dialog.getByRole('button', { name: 'Grant to 14 units' }).click();

  await expect(dialog.getByRole('status')).toContainText('14 units granted');
  // One visit: one code and one text for the whole floor, not fourteen.
  await expect(dialog).toContainText('One PIN code and one text went to Dana Whitfield for all 14 units');
  await expect(dialog.getByRole('list', { name: 'Refused units' })).toHaveCount(0);
  await expect(dialog).toContainText('North Tower 301');
  await expect(dialog).toContainText('North Tower 314');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  // The community-wide list has all 14, searchable by company.
  await page.getByRole('searchbox', { name: 'Search' }).fill('Brightway');
  const list = page.getByRole('table', { name: 'Credentials across the community' });
  await expect(page.getByText('14 credentials')).toBeVisible();
  const row = list.getByRole('row', { name: /North Tower 307/ });
  await expect(row).toContainText('Dana Whitfield');
  await expect(row).toContainText('Tue, Thu 9:00 AM–12:00 PM');

  // Each row links to its unit.
  await row.getByRole('link', { name: 'North Tower 307' }).click();
  const panel = page.getByRole('complementary', { name: 'North Tower 307' });
  const credential = panel.getByRole('article', { name: /Dana Whitfield/ });
  await expect(credential).toContainText('Brightway Cleaning');
  await expect(credential).toContainText('Part of a visit covering 14 units');

  // Revoking it here ends the whole visit, and says so before anything happens.
  await credential.getByRole('button', { name: /^Revoke/ }).click();
  const confirm = page.getByRole('alertdialog', { name: 'End Dana Whitfield’s visit to 14 units?' });
  await expect(confirm).toContainText('Revoking it ends the whole visit');
  await confirm.getByRole('button', { name: 'End the whole visit' }).click();
  await expect(confirm).toBeHidden();
  await expect(credential.getByText('Revoked', { exact: true })).toBeVisible();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Access' }).click();
  await page.getByRole('searchbox', { name: 'Search' }).fill('Brightway');
  await expect(page.getByText('No credentials match.')).toBeVisible();
});

test('Bluetooth passes on a floor mixing locks: the Z-Wave units are named before Save, and granted without them once left out', async ({
  page,
  openConsole,
}) => {
  await openConsole(page);
  const dialog = await openBulkGrant(page);
  await pick(page, dialog, 'Building', 'Garden Court');
  await pick(page, dialog, 'Floor', 'Floor 1');
  await expect(dialog).toContainText('16 units (4 × KB-500 Keypad + Bluetooth, 12 × ZW-300 Z-Wave Deadbolt)');

  await dialog.getByRole('radio', { name: /^Bluetooth pass/ }).check();
  await expect(dialog.getByRole('radio', { name: /^Delivery/ })).toBeDisabled();
  await dialog.getByRole('radio', { name: /^Permanent/ }).check();
  await fillGuest(dialog, 'Sven Aalto', '630-555-0132');
  await dialog.getByRole('textbox', { name: 'Company' }).fill('QuickFix Plumbing');

  const preview = dialog.getByRole('region', { name: 'What each door will hold' });
  await expect(preview).toContainText('4 of 16 units can hold it.');
  await expect(preview.getByRole('table', { name: 'What each door will hold' }).getByRole('row', { name: /^4 unit doors / })).toContainText('KB-500 Keypad + Bluetooth');
  const cannot = preview.getByRole('list', { name: 'Units that cannot hold it' });
  await expect(cannot.getByRole('listitem').filter({ hasText: 'Garden Court 102' })).toContainText('has a ZW-300 Z-Wave Deadbolt lock, which cannot hold Bluetooth passes');
  await expect(dialog.getByRole('button', { name: 'Grant to 16 units' })).toBeDisabled();

  await preview.getByRole('checkbox', { name: 'Leave out the 12 units that cannot hold it' }).check();
  await preview.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/bulk-door-preview.png' });
  await dialog.getByRole('button', { name: 'Grant to 4 units' }).click();

  await expect(dialog.getByRole('status')).toContainText('4 units granted, 12 left out');
  const leftOut = dialog.getByRole('list', { name: 'Units left out' });
  await expect(leftOut.getByRole('listitem')).toHaveCount(12);
  await expect(leftOut.getByRole('listitem').filter({ hasText: 'Garden Court 102' })).toContainText('cannot hold Bluetooth passes');
  await expect(leftOut.getByRole('listitem').filter({ hasText: 'Garden Court 101' })).toHaveCount(0);
  await expect(dialog.getByRole('list', { name: 'Refused units' })).toHaveCount(0);
});

test('a delivery code on a floor of Bluetooth-only locks opens the common doors for every unit', async ({ page, openConsole }) => {
  await openConsole(page);
  const dialog = await openBulkGrant(page);
  await pick(page, dialog, 'Building', 'South Tower');
  await pick(page, dialog, 'Floor', 'Floor 2');
  await expect(dialog).toContainText('12 units (12 × BT-10 Bluetooth)');
  await dialog.getByRole('radio', { name: /^PIN code/ }).check();
  await dialog.getByRole('radio', { name: /^Delivery/ }).check();
  await dialog.getByRole('radio', { name: /^Guest/ }).check();
  await fillGuest(dialog, 'Parcel Run', '312-555-0133');
  await dialog.getByRole('button', { name: 'Grant to 12 units' }).click();
  await expect(dialog.getByRole('status')).toContainText('12 units granted');
});
