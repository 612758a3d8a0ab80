import { expectNoSeriousFindings } from './axe-check';
import { expect, test } from './fixtures';

/**
 * axe-core over the cloud sync bar and its setup dialog, signed in as an admin (the fixture's
 * default). A console that could pair: training consoles never offer the setup.
 */
test.use({ hardware: 'real' });

test('the cloud sync setup has no serious accessibility finding', async ({ page, openConsole }) => {
  await openConsole(page);
  const bar = page.getByRole('status', { name: 'Cloud sync' });
  await expect(bar).toContainText('Not connected to a cloud');
  await expectNoSeriousFindings(page, 'Units with the sync bar of a console that could pair');

  await bar.getByRole('button', { name: 'Set up cloud sync…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Set up cloud sync' });
  await expect(dialog).toBeVisible();
  await expectNoSeriousFindings(page, 'the sync setup', '[role="dialog"]');

  // A refused address, said next to the field.
  await dialog.getByLabel('Cloud address (URL)').fill('cloud.riverside.example');
  await dialog.getByLabel('Pairing code').fill('7K4M-Q9TX');
  await dialog.getByLabel('This console’s name').fill('Front desk');
  await dialog.getByRole('button', { name: 'Pair console' }).click();
  await expect(dialog.getByLabel('Cloud address (URL)')).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousFindings(page, 'the sync setup with a refused address', '[role="dialog"]');

  // The core's own refusal (no keychain here), shown above the buttons.
  await dialog.getByLabel('Cloud address (URL)').fill('https://cloud.riverside.example');
  await dialog.getByRole('button', { name: 'Pair console' }).click();
  await expect(dialog.getByRole('alert')).toContainText('keychain');
  await expectNoSeriousFindings(page, 'the sync setup with a refusal', '[role="dialog"]');
});
