import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The leasing office's everyday flow on an open console, by role and label only, shared by
 * the browser host's and the Electron app's end-to-end tests: search unit 101, open it,
 * grant a permanent PIN code to a guest, see it on the unit and in the grid, revoke it.
 * Needs a fresh demo community.
 */
export async function grantSeeAndRevokePin(page: Page): Promise<void> {
  const { row, panel } = await openUnit(page, '101', 'South Tower');
  const pinsBefore = await pinCount(credentialsCell(row));
  await expect(panel).toContainText('South Tower');

  const dialog = await openGrantForm(page, panel, '101');
  await dialog.getByRole('radio', { name: /^PIN code/ }).check();
  await expect(dialog.getByRole('radio', { name: /^Permanent/ })).toBeChecked();
  await fillGuest(dialog, 'Rosa Delgado', '312-555-0142');
  await dialog.getByRole('button', { name: 'Grant access' }).click();
  await expect(dialog).toBeHidden();

  const credential = panel.getByRole('article', { name: 'Rosa Delgado' });
  await expect(credential).toContainText('PIN code');
  await expect(credential).toContainText('Permanent');
  await expect(credential).toContainText('Until revoked');
  await expect(credential.getByText('Active', { exact: true })).toBeVisible();
  await expect(credential).toContainText('+1 312-555-0142');
  // The grid hears of the grant only through the core's data.changed event.
  await expect(credentialsCell(row)).toContainText(`${pinsBefore + 1} PIN`);

  await revoke(page, credential, 'Rosa Delgado');
  await expect(credential.getByText('Revoked', { exact: true })).toBeVisible();
  await expect(credential.getByRole('button', { name: /^Revoke/ })).toHaveCount(0);
  if (pinsBefore === 0) await expect(credentialsCell(row)).toHaveText('None');
  else await expect(credentialsCell(row)).toContainText(`${pinsBefore} PIN`);
}

/** Finds a unit in the grid by number and building, opens its panel. */
export async function openUnit(page: Page, number: string, building: string): Promise<{ row: Locator; panel: Locator }> {
  await page.getByRole('searchbox', { name: 'Search' }).fill(number);
  // Wait for the search to apply (it is debounced) and its rows to arrive, so the click lands on them.
  const grid = page.getByRole('grid', { name: 'Units' });
  await expect(page.getByText(`match “${number}”`)).toBeVisible();
  await expect(grid).toHaveAttribute('aria-busy', 'false');
  const row = grid.getByRole('row', { name: new RegExp(`^${number} ${building} `) });
  await expect(row).toBeVisible();
  await row.click();
  const panel = page.getByRole('complementary', { name: `${building} ${number}` });
  await expect(panel).toContainText(building);
  return { row, panel };
}

export async function openGrantForm(page: Page, panel: Locator, number: string): Promise<Locator> {
  await panel.getByRole('button', { name: 'Grant access' }).click();
  // Titled with the panel's unit ("Grant access to South Tower 101"), whose building openUnit checked.
  const dialog = page.getByRole('dialog', { name: new RegExp(`^Grant access to .+ ${number}$`) });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Opens a unit's panel and its grant form: where most grant flows start. */
export async function startGrant(page: Page, number: string, building: string): Promise<{ row: Locator; panel: Locator; dialog: Locator }> {
  const { row, panel } = await openUnit(page, number, building);
  const dialog = await openGrantForm(page, panel, number);
  return { row, panel, dialog };
}

/** Picks the grant form's access type ("PIN code", "Bluetooth pass") and schedule ("Permanent", "Recurring"…). */
export async function chooseType(dialog: Locator, kind: 'PIN code' | 'Bluetooth pass', type: string): Promise<void> {
  await dialog.getByRole('radio', { name: new RegExp(`^${kind}`) }).check();
  await dialog.getByRole('radio', { name: new RegExp(`^${type}`) }).check();
}

/** A recurring schedule's days ("Monday"…) and daily window, typed as staff would. */
export async function setWeeklyWindow(
  page: Page,
  dialog: Locator,
  window: { days: string[]; from: Pick<WallClock, 'hour' | 'minute'>; until: Pick<WallClock, 'hour' | 'minute'> },
): Promise<void> {
  for (const day of window.days) await dialog.getByRole('checkbox', { name: day }).check();
  await typeTime(page, dialog.getByRole('group', { name: 'From' }), window.from);
  await typeTime(page, dialog.getByRole('group', { name: 'Until' }), window.until);
}

export async function fillGuest(dialog: Locator, name: string, phone: string): Promise<void> {
  await dialog.getByRole('textbox', { name: /name$/ }).fill(name);
  await dialog.getByLabel('Phone number').fill(phone);
}

export async function revoke(page: Page, credential: Locator, guest: string): Promise<void> {
  await credential.getByRole('button', { name: /^Revoke/ }).click();
  const confirm = page.getByRole('alertdialog', { name: new RegExp(`Revoke ${guest}`) });
  await confirm.getByRole('button', { name: 'Revoke access' }).click();
  await expect(confirm).toBeHidden();
}

/** How many PIN codes the grid's Credentials cell shows: "2 PIN · 1 BLE" → 2, "None" → 0. */
export async function pinCount(cell: Locator): Promise<number> {
  const match = /(\d+) PIN/.exec((await cell.textContent()) ?? '');
  return match ? Number(match[1]) : 0;
}

/** The grid's Credentials column (unit, building, floor, lock model, credentials, door status). */
export const credentialsCell = (row: Locator) => row.getByRole('gridcell').nth(4);

/** The demo community's zone: every schedule is typed and shown in its wall-clock time. */
export const communityZone = 'America/Chicago';

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The community's calendar date some days from today, at the given time. */
export function communityDay(daysFromToday: number, hour: number, minute = 0): WallClock {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: communityZone, year: 'numeric', month: 'numeric', day: 'numeric' })
    .formatToParts(new Date())
    .reduce<Record<string, number>>((acc, p) => (p.type === 'literal' ? acc : { ...acc, [p.type]: Number(p.value) }), {});
  const date = new Date(Date.UTC(parts.year!, parts.month! - 1, parts.day! + daysFromToday));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour, minute };
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');
const hour12 = (hour: number) => (hour % 12 === 0 ? 12 : hour % 12);

/** "Nov 28, 6:00 PM", as the console writes a wall-clock time. */
export function shownDateTime(at: WallClock): string {
  return `${months[at.month - 1]} ${at.day}, ${hour12(at.hour)}:${two(at.minute)} ${at.hour < 12 ? 'AM' : 'PM'}`;
}

/** Types a date and time into a date picker's segments (month, day, year, hour, minute, AM/PM), as staff would. */
export async function typeDateTime(page: Page, field: Locator, at: WallClock): Promise<void> {
  await field.getByRole('spinbutton', { name: /^month/ }).click();
  await page.keyboard.type(`${two(at.month)}${two(at.day)}${at.year}`);
  await typeTime(page, field, at);
}

/** Types a time of day into a date or time field's hour, minute and AM/PM segments. */
export async function typeTime(page: Page, field: Locator, at: Pick<WallClock, 'hour' | 'minute'>): Promise<void> {
  await field.getByRole('spinbutton', { name: /^hour/ }).click();
  await page.keyboard.type(`${two(hour12(at.hour))}${two(at.minute)}${at.hour < 12 ? 'A' : 'P'}`);
}

export const sections = (page: Page) => page.getByRole('navigation', { name: 'Sections' });

/**
 * Units: the unit of a unit door ("North Tower 104" is unit 104 of North Tower) found by its
 * number, and its Door status cell (unit, building, floor, lock model, credentials, door status).
 */
export async function unitDoorStatus(page: Page, door: string): Promise<Locator> {
  const [, building, number] = /^(.+) (\S+)$/.exec(door)!;
  await sections(page).getByRole('link', { name: 'Units' }).click();
  await page.getByRole('searchbox', { name: 'Search' }).fill(number!);
  const grid = page.getByRole('grid', { name: 'Units' });
  await expect(page.getByText(`match “${number}”`)).toBeVisible();
  await expect(grid).toHaveAttribute('aria-busy', 'false');
  const row = grid.getByRole('row', { name: new RegExp(`^${number} ${building} `) });
  await expect(row).toBeVisible();
  return row.getByRole('gridcell').nth(5);
}

/** This window only: sign the preset admin out and sign somebody else in, as staff would. */
export async function signInAs(page: Page, name: string, passcode: string): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('listbox', { name: 'Who is signing in?' }).getByRole('option', { name }).click();
  await page.getByLabel('Passcode', { exact: true }).fill(passcode);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('group', { name: 'Signed in' })).toContainText(name);
}
