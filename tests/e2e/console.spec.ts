import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * The leasing office's everyday flow, driven as a person would: by role and label only.
 * Each test works on its own unit, so they do not depend on each other's grants.
 */

/** How many PIN codes the grid's Credentials cell shows: "2 PIN · 1 BLE" → 2, "None" → 0. */
async function pinCount(cell: Locator): Promise<number> {
  const match = /(\d+) PIN/.exec((await cell.textContent()) ?? '');
  return match ? Number(match[1]) : 0;
}

async function findUnitRow(page: Page, number: string, building: string): Promise<Locator> {
  await page.getByRole('searchbox', { name: 'Search' }).fill(number);
  const grid = page.getByRole('grid', { name: 'Units' });
  const row = grid.getByRole('row', { name: new RegExp(`^${number} ${building} `) });
  await expect(row).toBeVisible();
  return row;
}

/** The grid's Credentials column (unit, building, floor, lock model, credentials, door status). */
const credentialsCell = (row: Locator) => row.getByRole('gridcell').nth(4);

test('grant a permanent PIN code to a guest, see it, then revoke it', async ({ page, openConsole }) => {
  await openConsole(page);
  const row = await findUnitRow(page, '101', 'South Tower');
  const pinsBefore = await pinCount(credentialsCell(row));

  await row.click();
  const panel = page.getByRole('complementary', { name: 'Unit 101' });
  await expect(panel).toContainText('South Tower');

  await panel.getByRole('button', { name: 'Grant access' }).click();
  const dialog = page.getByRole('dialog', { name: 'Grant access to unit 101' });
  await dialog.getByLabel('Guest name').fill('Rosa Delgado');
  await dialog.getByLabel('Phone number').fill('312-555-0142');
  // React Aria radios are styled labels over a visually hidden input: click the choice itself.
  await dialog.getByText('PIN code', { exact: true }).click();
  await expect(dialog.getByRole('radio', { name: /PIN code/ })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: /Permanent/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Grant access' }).click();
  await expect(dialog).toBeHidden();

  const credential = panel.getByRole('article', { name: 'Rosa Delgado' });
  await expect(credential).toContainText('PIN code');
  await expect(credential).toContainText('Permanent');
  await expect(credential).toContainText('Active');
  await expect(credential).toContainText('+1 312-555-0142');
  await expect(credentialsCell(row)).toContainText(`${pinsBefore + 1} PIN`);

  await credential.getByRole('button', { name: /^Revoke/ }).click();
  const confirm = page.getByRole('alertdialog', { name: /Revoke Rosa Delgado/ });
  await confirm.getByRole('button', { name: 'Revoke access' }).click();
  await expect(confirm).toBeHidden();

  await expect(credential.getByText('Revoked', { exact: true })).toBeVisible();
  await expect(credential.getByRole('button', { name: /^Revoke/ })).toHaveCount(0);
  if (pinsBefore === 0) await expect(credentialsCell(row)).toHaveText('None');
  else await expect(credentialsCell(row)).toContainText(`${pinsBefore} PIN`);
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
