import type { Locator, Page } from '@playwright/test';
import { credentialsCell, grantSeeAndRevokePin } from './console-flow';
import { expect, test } from './fixtures';

/**
 * The leasing office's everyday flow, driven as a person would: by role and label only.
 * Each test works on its own unit, so they do not depend on each other's grants.
 */

async function findUnitRow(page: Page, number: string, building: string): Promise<Locator> {
  await page.getByRole('searchbox', { name: 'Search' }).fill(number);
  const grid = page.getByRole('grid', { name: 'Units' });
  const row = grid.getByRole('row', { name: new RegExp(`^${number} ${building} `) });
  await expect(row).toBeVisible();
  return row;
}

test('grant a permanent PIN code to a guest, see it, then revoke it', async ({ page, openConsole }) => {
  await openConsole(page);
  await grantSeeAndRevokePin(page);
});

test('a grant with an invalid phone number shows why and grants nothing', async ({ page, openConsole }) => {
  await openConsole(page);
  const row = await findUnitRow(page, '102', 'Garden Court');
  const cellBefore = await credentialsCell(row).textContent();

  await row.click();
  const panel = page.getByRole('complementary', { name: 'Unit 102' });
  await expect(panel).toContainText('Garden Court');
  const credentials = panel.getByRole('article');
  const countBefore = await credentials.count();

  await panel.getByRole('button', { name: 'Grant access' }).click();
  const dialog = page.getByRole('dialog', { name: 'Grant access to unit 102' });
  await dialog.getByLabel('Guest name').fill('Victor Okafor');
  await dialog.getByLabel('Phone number').fill('555-01');
  await dialog.getByRole('button', { name: 'Grant access' }).click();

  await expect(dialog.getByRole('alert')).toContainText('not a valid phone number');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  await expect(panel.getByRole('article', { name: 'Victor Okafor' })).toHaveCount(0);
  await expect(credentials).toHaveCount(countBefore);
  await expect(credentialsCell(row)).toHaveText(cellBefore ?? '');
});

test('a Bluetooth-only lock offers a Bluetooth pass and says why a PIN code is not offered', async ({ page, openConsole }) => {
  await openConsole(page);
  const row = await findUnitRow(page, '204', 'South Tower');
  await row.click();
  const panel = page.getByRole('complementary', { name: 'Unit 204' });
  await panel.getByRole('button', { name: 'Grant access' }).click();
  const dialog = page.getByRole('dialog', { name: 'Grant access to unit 204' });
  await expect(dialog.getByRole('radio', { name: /^PIN code/ })).toBeDisabled();
  await expect(dialog).toContainText('The BT-10 Bluetooth lock cannot hold it');
  await expect(dialog.getByRole('radio', { name: /^Bluetooth pass/ })).toBeChecked();
  await dialog.getByLabel('Guest name').fill('Hana Ito');
  await dialog.getByLabel('Phone number').fill('(773) 555-0188');
  await dialog.getByRole('button', { name: 'Grant access' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByRole('article', { name: 'Hana Ito' })).toContainText('Bluetooth pass');
});
