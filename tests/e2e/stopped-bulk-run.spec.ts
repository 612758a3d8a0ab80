import { expect, test } from './fixtures';

/**
 * A bulk grant a crash cut short: a vendor on North Tower's floor 3 (14 units) stopped after
 * 5 units, as the store holds it when the console comes back. The Access page lists it, and
 * Finish grants the other 9 and shows the whole outcome.
 */
test.use({ seedStore: 'stopped-bulk-run' });

test('the Access page shows a bulk grant cut short, and Finish grants the units not yet done', async ({ page, openConsole }) => {
  await openConsole(page);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Access' }).click();
  const stopped = page.getByRole('region', { name: 'Bulk grants cut short' });
  const run = stopped.getByRole('listitem', { name: 'Permanent PIN code for Dana Whitfield of Brightway Cleaning' });
  await expect(run).toContainText('Stopped after 5 of 14 units. Finish grants the 9 units not yet done.');
  await expect(run).toContainText('by Avery Brooks');

  await run.getByRole('button', { name: 'Finish' }).click();
  await expect(stopped.getByRole('status')).toContainText('14 units granted');
  await expect(stopped).toContainText('North Tower 301');
  await expect(stopped).toContainText('North Tower 314');
  await stopped.getByRole('button', { name: 'Done' }).click();
  await expect(stopped).toBeHidden();

  // Each of the 14 units holds one credential for her, no more.
  await page.getByRole('searchbox', { name: 'Search' }).fill('Brightway');
  await expect(page.getByText('14 credentials')).toBeVisible();
  const list = page.getByRole('table', { name: 'Credentials across the community' });
  await expect(list.getByRole('row', { name: /North Tower 303/ })).toHaveCount(1);
  await expect(list.getByRole('row', { name: /North Tower 312/ })).toHaveCount(1);

  // After a reload nothing is left to finish.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Access', level: 2 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Bulk grants cut short' })).toHaveCount(0);
});
