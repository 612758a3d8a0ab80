import { expect, test } from './fixtures';

/**
 * The wait after too many wrong passcodes from this address, as the sign-in form says it.
 * The host opens a store where this machine's tabs already guessed wrong seven times.
 */
test.use({ operator: null, seedStore: 'guessing-from-this-address' });

test('the sign-in form says how long this window must wait, and does not sign in even with the right passcode', async ({ page, openConsole }) => {
  await openConsole(page);
  const staff = page.getByRole('listbox', { name: 'Who is signing in?' });
  await staff.getByRole('option', { name: 'Avery Brooks' }).click();
  const passcode = page.getByLabel('Passcode', { exact: true });
  await passcode.fill('1357');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();

  // The wait left of the seeded ten minutes, however long the host took to start.
  const wait = /^Too many wrong passcodes from this window\. Try again in \d+ min\.$/;
  await expect(page.getByRole('alert')).toHaveText(wait);
  await expect(passcode).toHaveAccessibleDescription(wait);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toHaveCount(0);
});
