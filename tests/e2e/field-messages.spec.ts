import { startGrant } from './console-flow';
import { expect, test } from './fixtures';

/*
 * A field's message goes as soon as what staff type makes it right, not when they leave the
 * field: a message vanishing on blur shrank the dialog between the press on "Grant access" and
 * its release, so the first click after fixing a field did nothing.
 */

test('after Grant access with the guest left empty, typing the guest in and one mouse click on Grant access grants', async ({ page, openConsole }) => {
  await openConsole(page);
  const { panel, dialog } = await startGrant(page, '102', 'South Tower');
  const grant = dialog.getByRole('button', { name: 'Grant access' });
  await grant.click();
  const name = dialog.getByRole('textbox', { name: 'Guest name' });
  const phone = dialog.getByLabel('Phone number');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toContainText('Enter the guest’s name.');
  await expect(dialog).toContainText('Enter a phone number for the text.');

  await name.pressSequentially('Lena Park');
  // The message goes while typing, still in the field.
  await expect(name).toBeFocused();
  await expect(dialog).not.toContainText('Enter the guest’s name.');
  await expect(name).not.toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: 'test-results/screenshots/grant-form-name-typed.png' });
  await phone.click();
  await phone.pressSequentially('312-555-0163');
  await expect(dialog).not.toContainText('Enter a phone number for the text.');

  // One press and release of the mouse, straight from the field, as staff click.
  await grant.click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByRole('article', { name: 'Lena Park' })).toHaveCount(1);
});

test('a message shown on leaving a field emptied goes while typing again, and comes back when it is emptied again', async ({ page, openConsole }) => {
  await openConsole(page);
  const { dialog } = await startGrant(page, '103', 'South Tower');
  const phone = dialog.getByLabel('Phone number');
  await phone.pressSequentially('312');
  await phone.press('Shift+Tab');
  await phone.click();
  for (let i = 0; i < 3; i++) await phone.press('Backspace');
  // Emptied and left: the field says what it needs.
  await phone.press('Shift+Tab');
  await expect(dialog).toContainText('Enter a phone number for the text.');
  await phone.click();
  await phone.pressSequentially('312-555-0164');
  await expect(phone).toBeFocused();
  await expect(dialog).not.toContainText('Enter a phone number for the text.');
  await phone.fill('');
  await expect(dialog).toContainText('Enter a phone number for the text.');
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
});
