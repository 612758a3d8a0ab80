import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * The cloud sync status bar and the setup dialog. Signed in as Avery Brooks (admin), the
 * fixture's default. The fixture's core has no keychain, so it cannot sync: a pairing that
 * passes the checks is refused with that reason. A real cloud round trip is tested elsewhere.
 */
// A console that could be paired: training consoles never are (tests/main/training).
test.use({ hardware: 'real' });

const syncBar = (page: Page) => page.getByRole('status', { name: 'Cloud sync' });

test('the status bar says the console is not connected to a cloud', async ({ page, openConsole }) => {
  await openConsole(page);
  const bar = syncBar(page);
  await expect(bar).toContainText('Not connected to a cloud');
  await expect(bar.getByRole('button', { name: 'Set up cloud sync…' })).toBeVisible();
  // Nothing to sync with yet.
  await expect(bar.getByRole('button', { name: 'Sync now' })).toHaveCount(0);
});

test('an admin sets up cloud sync: a bad address is refused next to it, and a core without a keychain says why', async ({
  page,
  openConsole,
}) => {
  await openConsole(page);
  await syncBar(page).getByRole('button', { name: 'Set up cloud sync…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Set up cloud sync' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('keychain');

  const url = dialog.getByLabel('Cloud address (URL)');
  await expect(url).toBeFocused();
  await url.fill('cloud.riverside.example');
  await dialog.getByLabel('Pairing code').fill('7K4M-Q9TX');
  await dialog.getByLabel('This console’s name').fill('Front desk');
  await dialog.getByRole('checkbox', { name: 'This console is a kiosk' }).check();
  await dialog.getByRole('button', { name: 'Pair console' }).click();

  // The core names the field; the dialog says it there, and focus goes to it.
  await expect(url).toHaveAccessibleDescription(/starting with https:\/\//);
  await expect(url).toHaveAttribute('aria-invalid', 'true');
  await expect(url).toBeFocused();
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  // Typing again clears the refusal.
  await url.fill('https://cloud.riverside.example');
  await expect(url).not.toHaveAccessibleDescription(/starting with https:\/\//);
  await expect(url).not.toHaveAttribute('aria-invalid', 'true');

  await dialog.getByRole('button', { name: 'Pair console' }).click();
  await expect(dialog.getByRole('alert')).toContainText('This console has no keychain');
  await expect(dialog).toBeVisible();

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(syncBar(page)).toContainText('Not connected to a cloud');
  await expect(syncBar(page).getByRole('button', { name: 'Set up cloud sync…' })).toBeFocused();
});

test('leasing staff see where sync stands but are not offered the setup', async ({ page, openConsole }) => {
  await openConsole(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  const staff = page.getByRole('listbox', { name: 'Who is signing in?' });
  await staff.getByRole('option', { name: 'Jordan Lee' }).click();
  await page.getByLabel('Passcode', { exact: true }).fill('2468');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();

  await expect(page.getByRole('group', { name: 'Signed in' })).toContainText('Jordan Lee');
  await expect(syncBar(page)).toContainText('Not connected to a cloud');
  await expect(syncBar(page).getByRole('button')).toHaveCount(0);
});

test('a text queued on a console not yet paired says it goes once the console is paired, in the Access list and the unit’s panel', async ({ page, openConsole }) => {
  await openConsole(page);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Access' }).click();
  const row = page.getByRole('row', { name: /^Olga Garcia/ });
  await expect(row).toContainText('Text queued');
  await expect(row).toContainText('Sent once paired with the cloud');

  await row.getByRole('link', { name: 'Garden Court 312' }).click();
  const credential = page.getByRole('complementary', { name: 'Garden Court 312' }).getByRole('article', { name: /Olga Garcia/ });
  await expect(credential).toContainText('The text is waiting until this console is paired with the cloud, which sends the texts.');
});
