import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The leasing office's everyday flow on an open console, by role and label only, shared by
 * the browser host's and the Electron app's end-to-end tests: search unit 101, open it,
 * grant a permanent PIN code to a guest, see it on the unit and in the grid, revoke it.
 * Needs a fresh demo community.
 */
export async function grantSeeAndRevokePin(page: Page): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search' }).fill('101');
  const row = page.getByRole('grid', { name: 'Units' }).getByRole('row', { name: /^101 South Tower / });
  await expect(row).toBeVisible();
  const pinsBefore = await pinCount(credentialsCell(row));

  await row.click();
  const panel = page.getByRole('complementary', { name: 'Unit 101' });
  await expect(panel).toContainText('South Tower');

  await panel.getByRole('button', { name: 'Grant access' }).click();
  const dialog = page.getByRole('dialog', { name: 'Grant access to unit 101' });
  await dialog.getByLabel('Guest name').fill('Rosa Delgado');
  await dialog.getByLabel('Phone number').fill('312-555-0142');
  await dialog.getByRole('radio', { name: /^PIN code/ }).check();
  await expect(dialog.getByRole('radio', { name: /^Permanent/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Grant access' }).click();
  await expect(dialog).toBeHidden();

  const credential = panel.getByRole('article', { name: 'Rosa Delgado' });
  await expect(credential).toContainText('PIN code');
  await expect(credential).toContainText('Permanent');
  await expect(credential).toContainText('Active');
  await expect(credential).toContainText('+1 312-555-0142');
  // The grid hears of the grant only through the core's data.changed event.
  await expect(credentialsCell(row)).toContainText(`${pinsBefore + 1} PIN`);

  await credential.getByRole('button', { name: /^Revoke/ }).click();
  const confirm = page.getByRole('alertdialog', { name: /Revoke Rosa Delgado/ });
  await confirm.getByRole('button', { name: 'Revoke access' }).click();
  await expect(confirm).toBeHidden();

  await expect(credential.getByText('Revoked', { exact: true })).toBeVisible();
  await expect(credential.getByRole('button', { name: /^Revoke/ })).toHaveCount(0);
  if (pinsBefore === 0) await expect(credentialsCell(row)).toHaveText('None');
  else await expect(credentialsCell(row)).toContainText(`${pinsBefore} PIN`);
}

/** How many PIN codes the grid's Credentials cell shows: "2 PIN · 1 BLE" → 2, "None" → 0. */
async function pinCount(cell: Locator): Promise<number> {
  const match = /(\d+) PIN/.exec((await cell.textContent()) ?? '');
  return match ? Number(match[1]) : 0;
}

/** The grid's Credentials column (unit, building, floor, lock model, credentials, door status). */
export const credentialsCell = (row: Locator) => row.getByRole('gridcell').nth(4);
