import type { Locator, Page } from '@playwright/test';
import type { BrowserHost } from '../../src/main/host/browser-host';
import type { UnitPage } from '../../src/shared/domain';
import { communityDay, credentialsCell, fillGuest, typeDateTime } from './console-flow';
import { expect, test } from './fixtures';

/**
 * The building-wide units grid: sort, filters kept in the URL, search, selection feeding a
 * bulk grant, and live updates while scrolled down. Works on North Tower floors 6-8 (KB-500:
 * PIN and Bluetooth, every schedule kind), which the other specs leave alone; guests set up
 * through the core carry the made-up surname "Quillon" so a search finds exactly them.
 */

const grid = (page: Page) => page.getByRole('grid', { name: 'Units' });
/** Data rows: the first row of the grid is its header. */
const dataRows = (page: Page) => grid(page).getByRole('row').filter({ has: page.getByRole('gridcell') });
const unitRow = (page: Page, number: string, building = 'North Tower') =>
  grid(page).getByRole('row', { name: new RegExp(`^${number} ${building} `) });

async function pick(page: Page, field: string, option: string): Promise<void> {
  await page.getByRole('search', { name: 'Find units' }).getByRole('button', { name: new RegExp(`${field}$`) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const two = (n: number) => String(n).padStart(2, '0');
const wallClock = (d: ReturnType<typeof communityDay>) => `${d.year}-${two(d.month)}-${two(d.day)}T${two(d.hour)}:${two(d.minute)}`;

/** Units of a North Tower floor without any live credential (the demo community is lived-in). */
async function cleanUnits(host: BrowserHost, floor: number): Promise<{ id: string; number: string }[]> {
  const result = await host.core.dispatch('units.list', { buildingId: 'north', floor, limit: 100 });
  if (!result.ok) throw new Error(result.error.message);
  const page = result.value as UnitPage;
  return page.rows.filter((row) => row.chips.length === 0).map((row) => ({ id: row.id, number: row.number }));
}

async function grantThroughCore(host: BrowserHost, request: object): Promise<void> {
  const result = await host.core.dispatch('access.grant', request as never);
  if (!result.ok) throw new Error(result.error.message);
}

test('sorts by a column both ways, and the sort survives a reload', async ({ page, openConsole }) => {
  await openConsole(page);
  const floor = grid(page).getByRole('columnheader', { name: 'Floor' });
  await expect(floor).toHaveAttribute('aria-sort', 'none');
  await floor.getByRole('button', { name: 'Floor' }).click();
  await expect(floor).toHaveAttribute('aria-sort', 'ascending');
  await expect(dataRows(page).first().getByRole('gridcell').nth(2)).toHaveText('1');
  await floor.getByRole('button', { name: 'Floor' }).click();
  await expect(floor).toHaveAttribute('aria-sort', 'descending');
  await expect(dataRows(page).first().getByRole('gridcell').nth(2)).toHaveText('12');
  await expect(grid(page).getByRole('columnheader', { name: 'Unit' })).toHaveAttribute('aria-sort', 'none');

  await expect.poll(() => new URL(page.url()).hash).toContain('sort=floor.desc');
  await page.reload();
  await expect(grid(page).getByRole('columnheader', { name: 'Floor' })).toHaveAttribute('aria-sort', 'descending');
  await expect(dataRows(page).first().getByRole('gridcell').nth(2)).toHaveText('12');
});

test('filters by credential type and status, shows chips, and keeps the view in the URL', async ({ page, openConsole, host }) => {
  const [a, b, c] = await cleanUnits(host, 6);
  await grantThroughCore(host, {
    unitId: a!.id,
    kind: 'pin',
    guest: { name: 'Ada Quillon', phone: '+17085550161' },
    schedule: { type: 'permanent' },
  });
  await grantThroughCore(host, {
    unitId: b!.id,
    kind: 'ble',
    guest: { name: 'Bo Quillon', phone: '+17085550162' },
    schedule: { type: 'temporary', starts: wallClock(communityDay(0, 0, 0)), ends: wallClock(communityDay(0, 23, 59)) },
  });
  await grantThroughCore(host, {
    unitId: c!.id,
    kind: 'pin',
    guest: { name: 'Cy Quillon', phone: '+17085550163' },
    schedule: { type: 'temporary', starts: wallClock(communityDay(1, 9)), ends: wallClock(communityDay(2, 17)) },
  });
  const [rowA, rowB, rowC] = [a!, b!, c!].map((unit) => unitRow(page, unit.number));
  await openConsole(page);
  await page.getByRole('searchbox', { name: 'Search' }).fill('Quillon');
  await expect(dataRows(page)).toHaveCount(3);
  await expect(credentialsCell(rowA!)).toHaveText('1 PIN permanent');
  await expect(credentialsCell(rowB!)).toHaveText('1 BLE temporary · expiring today');
  await expect(credentialsCell(rowC!)).toHaveText('1 PIN temporary · scheduled');

  await pick(page, 'Credential type', 'Permanent');
  await expect(dataRows(page)).toHaveCount(1);
  await expect(rowA!).toBeVisible();
  await pick(page, 'Credential type', 'Temporary');
  await expect(dataRows(page)).toHaveCount(2);
  await expect(rowA!).toHaveCount(0);
  await pick(page, 'Credential type', 'Delivery');
  await expect(grid(page)).toContainText('No units match these filters.');
  await pick(page, 'Credential type', 'Any type');

  await pick(page, 'Credential status', 'Scheduled');
  await expect(dataRows(page)).toHaveCount(1);
  await expect(rowC!).toBeVisible();
  await pick(page, 'Credential status', 'Expiring today');
  await expect(dataRows(page)).toHaveCount(1);
  await expect(rowB!).toBeVisible();
  await pick(page, 'Credential status', 'Active');
  await expect(rowA!).toBeVisible();
  await expect(rowC!).toHaveCount(0);
  // Nothing reported back from the simulated doors yet: every new grant is pending at the door.
  await pick(page, 'Credential status', 'Pending at the door');
  await expect(dataRows(page)).toHaveCount(3);
  await expect(rowA!.getByRole('gridcell').nth(5)).toContainText('Pending');

  // The view is in the URL: a reload comes back to it.
  await pick(page, 'Credential status', 'Scheduled');
  await expect(dataRows(page)).toHaveCount(1);
  // Written once the office stops changing the view (not on every keystroke).
  await expect.poll(() => new URL(page.url()).hash).toContain('status=scheduled');
  const hash = new URL(page.url()).hash;
  expect(hash).toContain('view=units');
  expect(hash).toContain('q=Quillon');
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('Quillon');
  await expect(page.getByRole('search', { name: 'Find units' }).getByRole('button', { name: /Credential status$/ })).toContainText(
    'Scheduled',
  );
  await expect(dataRows(page)).toHaveCount(1);
  await expect(rowC!).toBeVisible();
});

test('search finds a unit by its guest’s phone number typed with punctuation', async ({ page, openConsole, host }) => {
  const [unit] = await cleanUnits(host, 5);
  await grantThroughCore(host, {
    unitId: unit!.id,
    kind: 'pin',
    guest: { name: 'Dee Quillon', phone: '+17085550164' },
    schedule: { type: 'permanent' },
  });
  await openConsole(page);
  await page.getByRole('searchbox', { name: 'Search' }).fill('(708) 555-0164');
  await expect(dataRows(page)).toHaveCount(1);
  await expect(unitRow(page, unit!.number)).toBeVisible();
});

test('search finds a unit by the name the console gives it, whole or shortened', async ({ page, openConsole }) => {
  await openConsole(page);
  const search = page.getByRole('searchbox', { name: 'Search' });
  for (const name of ['South Tower 101', 'South 101']) {
    await search.fill(name);
    await expect(dataRows(page)).toHaveCount(1);
    await expect(unitRow(page, '101', 'South Tower')).toBeVisible();
  }
});

async function fillVendorTemporary(page: Page, dialog: Locator, name: string, phone: string): Promise<void> {
  await dialog.getByRole('radio', { name: /^PIN code/ }).check();
  await dialog.getByRole('radio', { name: /^Temporary/ }).check();
  await dialog.getByRole('radio', { name: /^Vendor/ }).check();
  await fillGuest(dialog, name, phone);
  await dialog.getByRole('textbox', { name: 'Company' }).fill('Northside Painters');
  await typeDateTime(page, dialog.getByRole('group', { name: 'Starts' }), communityDay(1, 9));
  await typeDateTime(page, dialog.getByRole('group', { name: 'Ends' }), communityDay(1, 17));
}

test('click and shift-click select rows, then "Grant to selected…" a vendor temporary access', async ({ page, openConsole }) => {
  await openConsole(page);
  await pick(page, 'Building', 'North Tower');
  await pick(page, 'Floor', 'Floor 7');
  await expect(dataRows(page)).toHaveCount(14);

  const cellOf705 = (await credentialsCell(unitRow(page, '705')).textContent()) ?? '';
  await grid(page).getByRole('checkbox', { name: 'Select unit 702, North Tower' }).click();
  await grid(page).getByRole('checkbox', { name: 'Select unit 705, North Tower' }).click({ modifiers: ['Shift'] });
  const selectionBar = page.getByRole('toolbar', { name: 'Selection' });
  await expect(selectionBar.getByRole('status')).toHaveText('4 selected');
  for (const n of ['702', '703', '704', '705']) await expect(unitRow(page, n)).toHaveAttribute('aria-selected', 'true');
  await expect(unitRow(page, '701')).toHaveAttribute('aria-selected', 'false');
  await expect(unitRow(page, '706')).toHaveAttribute('aria-selected', 'false');
  // A second click on a selected row's checkbox takes it out.
  await grid(page).getByRole('checkbox', { name: 'Select unit 705, North Tower' }).click();
  await expect(selectionBar.getByRole('status')).toHaveText('3 selected');

  await selectionBar.getByRole('button', { name: 'Grant to selected…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Grant to selected units' });
  await expect(dialog).toContainText('3 units selected in the grid');
  await fillVendorTemporary(page, dialog, 'Nico Quillon', '708-555-0171');
  await dialog.getByRole('button', { name: 'Grant to 3 units' }).click();
  await expect(dialog.getByRole('status')).toContainText('3 units granted');
  await expect(dialog).toContainText('North Tower 702');
  await expect(dialog).toContainText('North Tower 704');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  // The grid hears of the grants through data.changed; the selection stays.
  await expect(credentialsCell(unitRow(page, '703'))).toContainText('1 PIN temporary · scheduled');
  await expect(credentialsCell(unitRow(page, '705'))).toHaveText(cellOf705);
  await expect(selectionBar.getByRole('status')).toHaveText('3 selected');

  // Escape clears the selection.
  await unitRow(page, '703').getByRole('checkbox').focus();
  await page.keyboard.press('Escape');
  await expect(selectionBar).toBeHidden();
  await expect(unitRow(page, '703')).toHaveAttribute('aria-selected', 'false');
});

test('"Select all matching" on a floor filter grants to every unit of the floor', async ({ page, openConsole }) => {
  await openConsole(page);
  await pick(page, 'Building', 'North Tower');
  await pick(page, 'Floor', 'Floor 8');
  await expect(dataRows(page)).toHaveCount(14);
  await grid(page).getByRole('checkbox', { name: 'Select all 14 matching' }).check();
  const selectionBar = page.getByRole('toolbar', { name: 'Selection' });
  await expect(selectionBar.getByRole('status')).toHaveText('All 14 matching selected');
  await expect(unitRow(page, '814')).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => new URL(page.url()).hash).toContain('floor=8');

  await selectionBar.getByRole('button', { name: 'Grant to selected…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Grant to selected units' });
  await expect(dialog).toContainText('All 14 units matching the grid’s filters');
  await fillVendorTemporary(page, dialog, 'Flo Quillon', '708-555-0172');
  await dialog.getByRole('button', { name: 'Grant to 14 units' }).click();
  await expect(dialog.getByRole('status')).toContainText('14 units granted');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(credentialsCell(unitRow(page, '801'))).toContainText('1 PIN temporary · scheduled');
  await expect(credentialsCell(unitRow(page, '814'))).toContainText('1 PIN temporary · scheduled');

  // Another floor: "all matching" belonged to the old filter, so it is dropped.
  await pick(page, 'Floor', 'Floor 6');
  await expect(selectionBar).toBeHidden();
});

test('a grant from another window updates a row while scrolled down, keeping the scroll position', async ({
  page,
  context,
  openConsole,
}) => {
  await openConsole(page);
  await expect(dataRows(page).first()).toBeVisible();
  const scroller = grid(page);
  await scroller.evaluate((el) => el.scrollTo({ top: 3000 }));
  await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(2500);
  // A KB-500 row in the middle of what is shown now (the rows around the viewport are rendered).
  const shown = dataRows(page).filter({ hasText: 'KB-500' });
  await expect(shown.first()).toBeVisible();
  const count = await shown.count();
  const row = shown.nth(Math.floor(count / 2));
  const cells = row.getByRole('gridcell');
  const number = (await cells.nth(0).textContent())!.trim();
  const building = (await cells.nth(1).textContent())!.trim();
  const target = unitRow(page, number, building);
  await expect(target).toBeInViewport();
  const before = (await credentialsCell(target).textContent()) ?? '';
  const scrollBefore = await scroller.evaluate((el) => el.scrollTop);

  const second = await openConsole(await context.newPage());
  await second.getByRole('searchbox', { name: 'Search' }).fill(number);
  const other = second.getByRole('grid', { name: 'Units' }).getByRole('row', { name: new RegExp(`^${number} ${building} `) });
  await other.click();
  const panel = second.getByRole('complementary', { name: `${building} ${number}` });
  await panel.getByRole('button', { name: 'Grant access' }).click();
  const dialog = second.getByRole('dialog', { name: `Grant access to ${building} ${number}` });
  await dialog.getByRole('radio', { name: /^Bluetooth pass/ }).check();
  await dialog.getByRole('radio', { name: /^Permanent/ }).check();
  await fillGuest(dialog, 'Gil Quillon', '708-555-0173');
  await dialog.getByRole('button', { name: 'Grant access' }).click();
  await expect(dialog).toBeHidden();
  await second.close();

  await expect(credentialsCell(target)).not.toHaveText(before);
  await expect(credentialsCell(target)).toContainText('BLE permanent');
  expect(await scroller.evaluate((el) => el.scrollTop)).toBe(scrollBefore);
  await expect(target).toBeInViewport();
});

test('the keyboard moves between rows and cells, Space selects, Enter opens, Escape clears', async ({ page, openConsole }) => {
  await openConsole(page);
  await pick(page, 'Building', 'North Tower');
  await pick(page, 'Floor', 'Floor 6');
  await expect(dataRows(page)).toHaveCount(14);
  // The header's last sort button, then Tab: the grid's one tab stop is its active row.
  await grid(page).getByRole('columnheader', { name: 'Door status' }).getByRole('button').focus();
  await page.keyboard.press('Tab');
  await expect(unitRow(page, '601')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(unitRow(page, '602')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(unitRow(page, '602')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect(page.getByRole('toolbar', { name: 'Selection' }).getByRole('status')).toHaveText('2 selected');

  // Right moves into the cells, Down keeps the column.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(unitRow(page, '603').getByRole('gridcell').nth(1)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(unitRow(page, '604').getByRole('gridcell').nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: 'North Tower 604' })).toContainText('North Tower');

  await unitRow(page, '604').getByRole('gridcell').nth(1).focus();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('toolbar', { name: 'Selection' })).toBeHidden();
  await expect(unitRow(page, '602')).toHaveAttribute('aria-selected', 'false');
});

test('the keyboard reaches the last unit and back, across windows, focus staying on the right row', async ({ page, openConsole, host }) => {
  const unitAt = async (offset: number) => {
    const result = await host.core.dispatch('units.list', { offset, limit: 1 });
    if (!result.ok) throw new Error(result.error.message);
    return (result.value as UnitPage).rows[0]!;
  };
  const [first, last] = [await unitAt(0), await unitAt(335)];
  await openConsole(page);
  await expect(page.getByText('336 units')).toBeVisible();
  await grid(page).getByRole('columnheader', { name: 'Door status' }).getByRole('button').focus();
  await page.keyboard.press('Tab');
  const focused = grid(page).locator('[role="row"]:focus');
  await expect(focused).toHaveAttribute('aria-rowindex', '2');

  // Far past the loaded windows: the row that takes focus is the last unit, shown on screen.
  await page.keyboard.press('Control+End');
  await expect(focused).toHaveAttribute('aria-rowindex', '337');
  await expect(focused).toHaveAccessibleName(new RegExp(`^${last.number} ${last.buildingName} `));
  await expect(focused).toBeInViewport();
  // Into its second cell and up a page: the column is kept, on a row a page above.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('PageUp');
  const row = grid(page).locator('[role="row"]:has([role="gridcell"]:focus)');
  await expect(row.getByRole('gridcell').nth(1)).toBeFocused();
  await expect(row.getByRole('gridcell').nth(1)).toBeInViewport();
  expect(Number(await row.getAttribute('aria-rowindex'))).toBeLessThan(337);

  await page.keyboard.press('Control+Home');
  await expect(row).toHaveAttribute('aria-rowindex', '2');
  await expect(row).toHaveAccessibleName(new RegExp(`^${first.number} ${first.buildingName} `));
  await expect(row.getByRole('gridcell').nth(1)).toBeFocused();
});

test('shift-click far down selects every unit between, loaded or not', async ({ page, openConsole }) => {
  await openConsole(page);
  await expect(page.getByText('336 units')).toBeVisible();
  await grid(page).getByRole('checkbox', { name: /^Select unit/ }).first().click();
  await grid(page).evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  const last = grid(page).getByRole('checkbox', { name: /^Select unit/ }).last();
  await expect(last).toBeInViewport();
  await last.click({ modifiers: ['Shift'] });
  await expect(page.getByRole('toolbar', { name: 'Selection' }).getByRole('status')).toHaveText('336 selected');
});

test('filter by lock model', async ({ page, openConsole }) => {
  await openConsole(page);
  await pick(page, 'Lock model', 'BT-10 Bluetooth');
  await expect(page.getByText(/^60 units$/)).toBeVisible();
  const models = await dataRows(page).evaluateAll((rows) => rows.map((r) => r.querySelectorAll('[role="gridcell"]')[3]?.textContent ?? ''));
  expect(models.length).toBeGreaterThan(0);
  for (const model of models) expect(model).toContain('BT-10');
  await expect.poll(() => new URL(page.url()).hash).toContain('lock=arden-bt10');
});

test('with a unit’s detail open on a 1280 px screen, the Unit column never cuts a number', async ({ page, openConsole }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openConsole(page);
  await page.getByRole('searchbox', { name: 'Search' }).fill('102');
  await expect(page.getByText('match “102”')).toBeVisible();
  await dataRows(page).first().click();
  await expect(page.getByRole('complementary', { name: / 102$/ })).toBeVisible();
  const numbers = grid(page).locator('[data-column="unit"] .units-grid__value');
  await expect(numbers.filter({ hasText: /^\d{4}$/ }).first()).toBeVisible();
  const cut = await numbers.evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth).map((c) => c.textContent));
  expect(cut).toEqual([]);
});
