import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Every window of this file's host starts with nobody signed in. */
test.use({ operator: null });

async function signIn(page: Page, name: string, passcode: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  const staff = page.getByRole('listbox', { name: 'Who is signing in?' });
  await staff.getByRole('option', { name }).click();
  await expect(staff.getByRole('option', { name })).toHaveAttribute('aria-selected', 'true');
  await page.getByLabel('Passcode', { exact: true }).fill(passcode);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

const sections = (page: Page) => page.getByRole('navigation', { name: 'Sections' });

test('leasing staff sign in and see the units, without the Hardware section', async ({ page, openConsole }) => {
  await openConsole(page);
  await expect(page.getByText('Riverside Commons')).toBeVisible();
  await signIn(page, 'Jordan Lee', '2468');

  await expect(page.getByRole('grid', { name: 'Units' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Signed in' })).toContainText('Jordan Lee');
  await expect(page.getByRole('group', { name: 'Signed in' })).toContainText('Leasing');
  await expect(sections(page).getByRole('link', { name: 'Units' })).toBeVisible();
  await expect(sections(page).getByRole('link', { name: 'Access' })).toBeVisible();
  await expect(sections(page).getByRole('link', { name: 'Activity' })).toBeVisible();
  await expect(sections(page).getByRole('link', { name: 'Hardware' })).toHaveCount(0);
});

test('a wrong passcode says so next to the passcode and stays on the sign-in screen', async ({ page, openConsole }) => {
  await openConsole(page);
  await signIn(page, 'Sam Ortiz', '0000');

  const passcode = page.getByLabel('Passcode', { exact: true });
  await expect(page.getByRole('alert')).toHaveText('Wrong passcode for Sam Ortiz.');
  await expect(passcode).toHaveAccessibleDescription('Wrong passcode for Sam Ortiz.');
  await expect(passcode).toHaveValue('');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(sections(page)).toHaveCount(0);

  // The right one, typed over the refusal, signs in.
  await passcode.fill('3579');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('group', { name: 'Signed in' })).toContainText('Sam Ortiz');
  await expect(sections(page).getByRole('link', { name: 'Hardware' })).toBeVisible();
});

test('signing out returns to the sign-in screen', async ({ page, openConsole }) => {
  await openConsole(page);
  await signIn(page, 'Avery Brooks', '1357');
  await expect(page.getByRole('group', { name: 'Signed in' })).toContainText('Avery Brooks');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(sections(page)).toHaveCount(0);
  await expect(page.getByRole('option', { name: 'Avery Brooks' })).not.toHaveAttribute('aria-selected', 'true');
});

test('sign in with the keyboard alone', async ({ page, openConsole }) => {
  await openConsole(page);
  const staff = page.getByRole('listbox', { name: 'Who is signing in?' });
  await expect(staff).toBeFocused();
  await page.keyboard.type('Sam'); // type-ahead chooses Sam Ortiz
  await expect(staff.getByRole('option', { name: 'Sam Ortiz' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Passcode', { exact: true })).toBeFocused();
  await page.keyboard.type('3579');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Signed in' })).toContainText('Sam Ortiz');
  await expect(sections(page).getByRole('link', { name: 'Hardware' })).toBeVisible();
  await expect(sections(page).getByRole('link', { name: 'Activity' })).toHaveCount(0);
});
