import { fillGuest, startGrant } from './console-flow';
import { expect, test } from './fixtures';

/*
 * Staff double-click and press Enter twice: each submission grants once (the core keeps one
 * request id per form), and what comes after the grant is not undone by the second press.
 */

test('Enter twice in the grant form grants once, and the second Enter does not open another form', async ({ page, openConsole }) => {
  await openConsole(page);
  const { panel, dialog } = await startGrant(page, '203', 'North Tower');
  await fillGuest(dialog, 'Omar Haddad', '312-555-0177');
  await dialog.getByLabel('Phone number').press('Enter');
  await page.keyboard.press('Enter');

  const credential = panel.getByRole('article', { name: 'Omar Haddad' });
  await expect(credential).toBeFocused();
  await expect(credential).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(credential).toHaveCount(1);
});

test('a double click on "Grant to 14 units" grants each unit once, and a double click on Done does not close the outcome unread', async ({ page, openConsole }) => {
  await openConsole(page);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Access' }).click();
  await page.getByRole('button', { name: 'Bulk grant' }).click();
  const dialog = page.getByRole('dialog', { name: 'Bulk grant' });
  for (const [field, option] of [['Building', 'North Tower'], ['Floor', 'Floor 3']] as const) {
    await dialog.getByRole('button', { name: new RegExp(`${field}$`) }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }
  await dialog.getByRole('radio', { name: /^PIN code/ }).check();
  await dialog.getByRole('radio', { name: /^Permanent/ }).check();
  await fillGuest(dialog, 'Rosa Lin', '312-555-0178');
  await dialog.getByRole('textbox', { name: 'Company' }).fill('Lin Plumbing');
  await dialog.getByRole('button', { name: 'Grant to 14 units' }).dblclick();

  const summary = dialog.getByRole('status');
  await expect(summary).toContainText('14 units granted');
  await expect(summary).toBeFocused();
  // The double click's second click landed where Done now is, and did not close it; nor does a second Enter.
  const done = dialog.getByRole('button', { name: 'Done' });
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await done.click();
  await expect(dialog).toBeHidden();

  await page.getByRole('searchbox', { name: 'Search' }).fill('Lin Plumbing');
  await expect(page.getByText('14 credentials')).toBeVisible();
});
