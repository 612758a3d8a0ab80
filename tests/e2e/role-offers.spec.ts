import { expect, test } from './fixtures';
import { openUnit } from './console-flow';

/*
 * Offer only what a role may do, and show only what it needs: a technician gets no check boxes
 * for a bulk grant and no "Grant access", and sees who holds a unit's door without their phone.
 */

test.use({ operator: { id: 'sam', name: 'Sam Ortiz', role: 'maintenance' } });

test('maintenance: no selection for a bulk grant, no grant, and no guest’s phone in a unit’s panel', async ({ page, openConsole }) => {
  await openConsole(page);
  const grid = page.getByRole('grid', { name: 'Units' });
  await expect(grid.getByRole('row').nth(1)).toBeVisible();
  await expect(grid.getByRole('checkbox')).toHaveCount(0);
  await expect(grid).not.toHaveAttribute('aria-multiselectable', 'true');
  // Its search finds units by number and building, and says so.
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveAttribute('placeholder', 'Unit number or building');

  const { row, panel } = await openUnit(page, '104', 'Garden Court');
  await row.press('Space');
  await expect(page.getByRole('toolbar', { name: 'Selection' })).toHaveCount(0);
  await expect(panel.getByRole('article', { name: 'Elena Patel' })).toBeVisible();
  await expect(panel.getByRole('article', { name: 'Elena Patel' })).not.toContainText('555');
  await expect(panel.getByRole('button', { name: 'Grant access' })).toHaveCount(0);
});
