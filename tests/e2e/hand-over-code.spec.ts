import { chooseType, fillGuest, startGrant } from './console-flow';
import { expect, test } from './fixtures';

// A training console has no cloud, so no text leaves it: staff see why, and may hand the code over once.
test('a queued text says what it waits for, and the code can be shown once to hand over, in the activity log without the code', async ({
  page,
  openConsole,
}) => {
  await openConsole(page);
  const { panel, dialog } = await startGrant(page, '206', 'North Tower');
  await chooseType(dialog, 'PIN code', 'Permanent');
  await fillGuest(dialog, 'Lena Park', '312-555-0161');
  await dialog.getByRole('button', { name: 'Grant access' }).click();
  await expect(dialog).toBeHidden();

  const credential = panel.getByRole('article', { name: 'Lena Park' });
  await expect(credential).toContainText('The text is not sent: a training console has no cloud to text from.');
  await credential.getByRole('button', { name: 'Hand over Lena Park’s code' }).click();
  const handOver = page.getByRole('dialog', { name: 'Hand over Lena Park’s code' });
  await handOver.getByRole('button', { name: 'Show the code' }).click();
  const card = handOver.getByRole('region', { name: 'Access card for Lena Park' });
  await expect(card).toContainText('North Tower 206');
  const code = (await card.locator('.code-card__code').textContent()) ?? '';
  expect(code).toMatch(/^\d{4,10}$/);
  await page.screenshot({ path: 'test-results/hand-over-code.png' });
  await handOver.getByRole('button', { name: 'Done' }).click();
  await expect(handOver).toBeHidden();

  await expect(credential).toContainText('Code shown for Avery Brooks');
  await expect(credential.getByRole('button', { name: /Hand over/ })).toHaveCount(0);
  await expect(page.getByText(code)).toHaveCount(0);

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Activity' }).click();
  const entry = page.getByText('Lena Park’s PIN code for North Tower 206 was shown on screen for Avery Brooks to hand over while the text waits');
  await expect(entry).toBeVisible();
  await expect(page.getByText(code)).toHaveCount(0);

  // The Access list says the same in a word.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Access' }).click();
  await expect(page.getByRole('row', { name: /^Lena Park \+1 312-555-0161/ })).toContainText('Not sent in training');
});
