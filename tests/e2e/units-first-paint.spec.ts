import { expectNoSeriousFindings } from './axe-check';
import { expect, test } from './fixtures';

/**
 * The Units page paints its rows first and may draw its filter pickers a moment later, in the
 * places they were shown in: nothing in the filter bar moves when they arrive, and once there
 * they are real pickers, reached and worked by keyboard alone, with no serious accessibility finding.
 */

type Box = { x: number; y: number; width: number; height: number };

/** Where each control of the filter bar sits, relative to the bar, as laid out now. */
function filterBarLayout(): Box[] {
  const bar = document.querySelector('[role="search"]')!;
  const origin = bar.getBoundingClientRect();
  // What takes no room (a select's hidden native twin) is not a control the eye finds.
  const boxes = [...bar.children].map((control) => control.getBoundingClientRect()).filter((box) => box.width > 0 && box.height > 0);
  return boxes.map((box) => ({ x: box.x - origin.x, y: box.y - origin.y, width: box.width, height: box.height }));
}

/** Where the filter bar's top sits on the page, as laid out now. */
function filterBarTop(): number {
  return document.querySelector('[role="search"]')!.getBoundingClientRect().y;
}

/** Runs in the page: keeps the filter bar's layout and place as they are when the grid's first body row is added. */
function recordFilterBarAtFirstRows(layout: () => Box[], top: () => number): void {
  new MutationObserver((_, observer) => {
    if (!document.querySelector('[role="grid"] [role="row"][aria-rowindex="2"]')) return;
    observer.disconnect();
    Object.assign(window, { barAtFirstRows: layout(), barTopAtFirstRows: top() });
  }).observe(document, { childList: true, subtree: true });
}

test('the filter pickers arrive after the rows without moving anything, and the keyboard works them', async ({ page, openConsole }) => {
  await page.addInitScript(`(${recordFilterBarAtFirstRows.toString()})(${filterBarLayout.toString()}, ${filterBarTop.toString()})`);
  await openConsole(page);
  const grid = page.getByRole('grid', { name: 'Units' });
  await expect(grid).toHaveAttribute('aria-busy', 'false');
  const filters = page.getByRole('search', { name: 'Find units' });
  const building = filters.getByRole('button', { name: /Building/ });
  await expect(building).toBeVisible();
  await expectNoSeriousFindings(page, 'Units, its filter pickers drawn');
  // The search box and six pickers, each where it was when the first rows were added.
  const atFirstRows = await page.evaluate(() => (window as unknown as { barAtFirstRows: Box[] }).barAtFirstRows);
  expect(atFirstRows).toHaveLength(7);
  expect(await page.evaluate(filterBarLayout)).toEqual(atFirstRows);
  // The revocation exposure figure, asked after the rows, comes into the line kept for it above the bar.
  await expect(page.getByLabel('Revocation exposure')).toHaveText(/\S/);
  expect(await page.evaluate(filterBarTop)).toBe(await page.evaluate(() => (window as unknown as { barTopAtFirstRows: number }).barTopAtFirstRows));

  // Keyboard alone: from the search box Tab reaches the Building picker; the arrow keys choose.
  await filters.getByRole('searchbox', { name: 'Search' }).focus();
  await page.keyboard.press('Tab');
  await expect(building).toBeFocused();
  await page.keyboard.press('Enter');
  const options = page.getByRole('listbox');
  await expect(options.getByRole('option', { name: 'All buildings' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const chosen = (await options.getByRole('option').nth(1).textContent())!;
  await page.keyboard.press('Enter');
  await expect(building).toContainText(chosen);
  await expect(page.getByText(/^[\d,]+ units?$/)).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(filters.getByRole('button', { name: /Floor/ })).toBeFocused();
});
