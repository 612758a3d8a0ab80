import { credentialsCell, fillGuest, grantSeeAndRevokePin, openGrantForm, openUnit } from './console-flow';
import { expect, test } from './fixtures';

/**
 * The leasing office's everyday flow, driven as a person would: by role and label only.
 * Each test works on its own unit, so they do not depend on each other's grants.
 */

test('grant a permanent PIN code to a guest, see it, then revoke it', async ({ page, openConsole }) => {
  await openConsole(page);
  await grantSeeAndRevokePin(page);
});

test('a grant with an invalid phone number says why next to the phone and grants nothing', async ({ page, openConsole }) => {
  await openConsole(page);
  const { row, panel } = await openUnit(page, '102', 'Garden Court');
  const cellBefore = await credentialsCell(row).textContent();
  const credentials = panel.getByRole('article');
  const countBefore = await credentials.count();

  const dialog = await openGrantForm(page, panel, '102');
  await fillGuest(dialog, 'Victor Okafor', '555-01');
  await dialog.getByRole('button', { name: 'Grant access' }).click();

  // The core names the field; the form says it there, not in a banner.
  const phone = dialog.getByLabel('Phone number');
  await expect(phone).toHaveAccessibleDescription(/not a valid phone number/);
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toBeVisible();
  // Typing again clears the refusal.
  await phone.fill('312-555-0199');
  await expect(phone).not.toHaveAccessibleDescription(/not a valid phone number/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  await expect(panel.getByRole('article', { name: 'Victor Okafor' })).toHaveCount(0);
  await expect(credentials).toHaveCount(countBefore);
  await expect(credentialsCell(row)).toHaveText(cellBefore ?? '');
});

test('a Bluetooth-only lock offers a Bluetooth pass, and a PIN code only as a delivery code for the common doors', async ({
  page,
  openConsole,
}) => {
  await openConsole(page);
  const { panel } = await openUnit(page, '204', 'South Tower');
  const dialog = await openGrantForm(page, panel, '204');
  await expect(dialog.getByRole('radio', { name: /^Bluetooth pass/ })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: /^Permanent/ })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: /^Recurring/ })).toBeDisabled();
  await expect(dialog.getByRole('radio', { name: /^Recurring/ })).toHaveAccessibleName(/Not for Bluetooth passes/);

  // The BT-10 holds no PIN codes: a PIN code is offered only for a delivery (common doors only).
  const pin = dialog.getByRole('radio', { name: /^PIN code/ });
  await expect(pin).toHaveAccessibleName(/Delivery codes only/);
  await pin.check();
  await expect(dialog.getByRole('radio', { name: /^Delivery/ })).toBeChecked();
  for (const type of ['Permanent', 'Temporary', 'Recurring']) {
    const radio = dialog.getByRole('radio', { name: new RegExp(`^${type}`) });
    await expect(radio).toBeDisabled();
    await expect(radio).toHaveAccessibleName(/Lock holds no PIN codes/);
  }

  await dialog.getByRole('radio', { name: /^Bluetooth pass/ }).check();
  await expect(dialog.getByRole('radio', { name: /^Delivery/ })).toBeDisabled();
  await expect(dialog.getByRole('radio', { name: /^Permanent/ })).toBeChecked();
  await fillGuest(dialog, 'Hana Ito', '(773) 555-0188');
  await dialog.getByRole('button', { name: 'Grant access' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByRole('article', { name: 'Hana Ito' })).toContainText('Bluetooth pass');
});
