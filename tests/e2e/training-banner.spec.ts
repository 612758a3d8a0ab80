import { sections } from './console-flow';
import { expect, test } from './fixtures';

/**
 * A training console (the e2e hosts' default) says so on every screen, the sign-in screen
 * included, and its status bar says it is never paired.
 */
test.use({ operator: null });

test('the training banner shows on the sign-in screen and on every page, and the sync bar says why it never pairs', async ({ openConsole, page }) => {
  await openConsole();
  const banner = page.getByRole('region', { name: 'Training mode' });
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(banner).toContainText('nothing done on this console reaches a real door');

  await page.getByRole('listbox', { name: 'Who is signing in?' }).getByRole('option', { name: 'Sam Ortiz' }).click();
  await page.getByLabel('Passcode', { exact: true }).fill('3579');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(sections(page)).toBeVisible();
  for (const section of ['Units', 'Hardware']) {
    await sections(page).getByRole('link', { name: section }).click();
    await expect(page.getByRole('heading', { name: section, level: 2 })).toBeVisible();
    await expect(banner).toBeVisible();
  }
  await expect(page.getByRole('status', { name: 'Cloud sync' })).toContainText('never paired with a cloud');
  await expect(page.getByRole('region', { name: 'Simulator' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/training-hardware.png' });
});

