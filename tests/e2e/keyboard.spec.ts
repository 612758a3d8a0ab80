import type { Locator, Page } from '@playwright/test';
import { sections } from './console-flow';
import { expect, test } from './fixtures';

/**
 * The everyday flow by keyboard alone, no pointer at all: sign in, find and open a unit, grant
 * a PIN code, revoke it, move between the console's pages. Tab reaches each control; Enter,
 * Space and the arrow keys work it.
 */
test.use({ operator: null });

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement).catch(() => false);

/** Presses Tab until `target` has focus; fails naming it when Tab never gets there. */
async function tabTo(page: Page, target: Locator, what: string): Promise<void> {
  for (let presses = 0; presses < 80; presses++) {
    if (await isFocused(target)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${what}.`);
}

/** Presses an arrow key until `target` has focus (a list's option, a grid's row). */
async function arrowTo(page: Page, key: 'ArrowDown' | 'ArrowUp', target: Locator, what: string): Promise<void> {
  for (let presses = 0; presses < 40; presses++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${what}.`);
}

test('an admin signs in, grants, revokes and moves between pages by keyboard alone', async ({ page, openConsole }) => {
  await openConsole(page);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  // Sign in: the staff list takes the arrow keys, the passcode field Enter.
  const staff = page.getByRole('listbox', { name: 'Who is signing in?' });
  await tabTo(page, staff.getByRole('option').first(), 'the staff list');
  const avery = staff.getByRole('option', { name: 'Avery Brooks' });
  await arrowTo(page, 'ArrowDown', avery, 'Avery Brooks');
  await expect(avery).toHaveAttribute('aria-selected', 'true');
  const passcode = page.getByLabel('Passcode', { exact: true });
  await tabTo(page, passcode, 'the passcode');
  await page.keyboard.type('1357');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Signed in' })).toContainText('Avery Brooks');

  // Find unit 101 of South Tower, reach its row with the arrow keys, open it with Enter.
  const search = page.getByRole('searchbox', { name: 'Search' });
  await tabTo(page, search, 'the search');
  await page.keyboard.type('101');
  const grid = page.getByRole('grid', { name: 'Units' });
  await expect(page.getByText('match “101”')).toBeVisible();
  await expect(grid).toHaveAttribute('aria-busy', 'false');
  await tabTo(page, grid.getByRole('row', { name: /^101 / }).first(), 'the unit grid');
  const row = grid.getByRole('row', { name: /^101 South Tower / });
  await arrowTo(page, 'ArrowDown', row, 'the row of South Tower 101');
  await page.keyboard.press('Enter');
  const panel = page.getByRole('complementary', { name: 'South Tower 101' });
  await expect(panel).toContainText('South Tower');

  // Grant: open the form with Enter, type the guest, choose with the arrow keys, send with Enter.
  await tabTo(page, panel.getByRole('button', { name: 'Grant access' }), 'the unit’s Grant access');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Grant access to South Tower 101' });
  await expect(dialog).toBeVisible();
  const permanent = dialog.getByRole('radio', { name: /^Permanent/ });
  await tabTo(page, permanent, 'the access types');
  await page.keyboard.press('ArrowRight');
  await expect(dialog.getByRole('radio', { name: /^Temporary/ })).toBeChecked();
  await page.keyboard.press('ArrowLeft');
  await expect(permanent).toBeChecked();
  await tabTo(page, dialog.getByRole('textbox', { name: /name$/ }), 'the guest’s name');
  await page.keyboard.type('Marcus Webb');
  await tabTo(page, dialog.getByLabel('Phone number'), 'the phone number');
  await page.keyboard.type('312-555-0142');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  const credential = panel.getByRole('article', { name: 'Marcus Webb' });
  await expect(credential.getByText('Active', { exact: true })).toBeVisible();

  // Revoke: the credential's button with Enter, the confirmation's with Space.
  await tabTo(page, credential.getByRole('button', { name: /^Revoke/ }), 'the credential’s Revoke');
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('alertdialog', { name: /Revoke Marcus Webb/ });
  await expect(confirm).toBeVisible();
  await tabTo(page, confirm.getByRole('button', { name: 'Revoke access' }), 'Revoke access');
  await page.keyboard.press('Space');
  await expect(confirm).toBeHidden();
  await expect(credential.getByText('Revoked', { exact: true })).toBeVisible();

  // Every page, through the section links.
  for (const section of ['Access', 'Activity', 'Hardware', 'Units'] as const) {
    await tabTo(page, sections(page).getByRole('link', { name: section }), `the ${section} link`);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: section, level: 2 })).toBeVisible();
    await expect(sections(page).getByRole('link', { name: section })).toHaveAttribute('aria-current', 'page');
  }
});
