import { chooseType, fillGuest, sections } from './console-flow';
import { expect, test } from './fixtures';

// The front desk grants from the Access page: find the unit as the console names it, then the unit panel's form.
test('from the Access page, staff find a unit by its name, may change their pick, and grant to it', async ({ page, openConsole }) => {
  await openConsole(page);
  await sections(page).getByRole('link', { name: 'Access' }).click();
  await page.getByRole('main').getByRole('button', { name: 'Grant access' }).click();
  const dialog = page.getByRole('dialog', { name: 'Grant access' });

  await dialog.getByRole('searchbox', { name: 'Find a unit' }).fill('South 204');
  const matching = dialog.getByRole('list', { name: 'Matching units' });
  await expect(matching.getByRole('button')).toHaveCount(1);
  await matching.getByRole('button', { name: /^South Tower 204 Floor 2 · / }).click();
  await expect(dialog).toContainText('South Tower 204 · Floor 2 · ');

  // A wrong pick is undone before anything is granted.
  await dialog.getByRole('button', { name: 'Change unit' }).click();
  await dialog.getByRole('searchbox', { name: 'Find a unit' }).fill('North Tower 1001');
  await matching.getByRole('button', { name: /^North Tower 1001 / }).click();
  await expect(dialog).toContainText('North Tower 1001 · Floor 10 · ');

  await chooseType(dialog, 'PIN code', 'Permanent');
  await fillGuest(dialog, 'Marisol Quintero', '312-555-0187');
  await dialog.getByRole('button', { name: 'Grant access' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'granted to Marisol Quintero' })).toHaveText('Permanent PIN code granted to Marisol Quintero for North Tower 1001.');
  const row = page.getByRole('row', { name: /^Marisol Quintero/ });
  await expect(row.getByRole('link', { name: 'North Tower 1001' })).toBeVisible();
  await expect(page.getByRole('row', { name: /^Marisol Quintero/ }).getByRole('link', { name: 'South Tower 204' })).toHaveCount(0);
});
