import type { Locator, Page } from '@playwright/test';
import {
  chooseType,
  communityDay,
  credentialsCell,
  fillGuest,
  openGrantForm,
  openUnit,
  pinCount,
  revoke,
  setWeeklyWindow,
  signInAs,
  shownDateTime,
  startGrant,
  typeDateTime,
} from './console-flow';
import { expect, test } from './fixtures';

/**
 * One flow per access type, each on its own unit of the demo community (North Tower 1-8:
 * KB-500, PIN and Bluetooth, every schedule kind; North Tower 9-12: KP-200, PIN only; even
 * South Tower floors: BT-10, Bluetooth only). The access system is supported, so a unit
 * grant also opens the building entrance, two gates, the package room and the fitness
 * center; a delivery code opens only the entrance, gates and package room.
 */

const unitAndCommon = (unit: string, building: string) => [
  unit,
  `${building} entrance`,
  'East pedestrian gate',
  'Garage gate',
  'Package room',
  'Fitness center',
];

async function grant(dialog: Locator): Promise<void> {
  await dialog.getByRole('button', { name: 'Grant access' }).click();
  await expect(dialog).toBeHidden();
}

/** Unfolds "Opens Unit door + 5 common doors" and checks every door is listed. */
async function expectDoors(page: Page, credential: Locator, guest: string, summary: string, doors: string[]): Promise<void> {
  const toggle = credential.getByRole('button', { name: new RegExp(`Opens ${summary.replace('+', '\\+')}`) });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const list = credential.getByRole('list', { name: `Doors of ${guest}` });
  for (const door of doors) await expect(list.getByRole('listitem').filter({ hasText: door })).toHaveCount(1);
  await expect(list.getByRole('listitem')).toHaveCount(doors.length);
}

test('PIN code, Permanent: until revoked, on the unit door and every common door; the text can be resent', async ({
  page,
  openConsole,
}) => {
  await openConsole(page);
  const { panel, dialog } = await startGrant(page, '201', 'North Tower');
  await chooseType(dialog, 'PIN code', 'Permanent');
  await fillGuest(dialog, 'Marisol Vega', '312-555-0111');
  await grant(dialog);

  const credential = panel.getByRole('article', { name: 'Marisol Vega' });
  await expect(credential).toContainText('PIN code');
  await expect(credential).toContainText('Permanent');
  await expect(credential).toContainText('Until revoked');
  await expect(credential.getByText('Active', { exact: true })).toBeVisible();
  await expectDoors(page, credential, 'Marisol Vega', 'Unit door + 5 common doors', unitAndCommon('North Tower 201', 'North Tower'));

  await expect(credential).toContainText('Text queued');
  await expect(credential).toContainText('1 text');
  await credential.getByRole('button', { name: 'Resend text to Marisol Vega' }).click();
  await expect(credential).toContainText('2 texts');
  // Permanent access has no dates to edit.
  await expect(credential.getByRole('button', { name: /^Edit dates/ })).toHaveCount(0);
});

test('PIN code, Temporary: from now until a typed end, on a PIN-only keypad', async ({ page, openConsole }) => {
  await openConsole(page);
  const { panel, dialog } = await startGrant(page, '902', 'North Tower');
  await expect(dialog).toContainText('KP-200 Keypad lock');
  await chooseType(dialog, 'PIN code', 'Temporary');
  await fillGuest(dialog, 'Theo Brandt', '773-555-0112');
  await expect(dialog).toContainText('America/Chicago');
  const ends = communityDay(2, 18);
  await typeDateTime(page, dialog.getByRole('group', { name: 'Ends' }), ends);
  await grant(dialog);

  const credential = panel.getByRole('article', { name: 'Theo Brandt' });
  await expect(credential).toContainText('Temporary');
  await expect(credential).toContainText(`– ${shownDateTime(ends)}`);
  await expect(credential.getByText('Active', { exact: true })).toBeVisible();
  await expect(credential.getByRole('button', { name: /Opens Unit door \+ 5 common doors/ })).toBeVisible();
});

test('PIN code, Recurring: a dog walker Mon, Wed, Fri 11:00 AM–1:00 PM', async ({ page, openConsole }) => {
  await openConsole(page);
  const { panel, dialog } = await startGrant(page, '1003', 'North Tower');
  await chooseType(dialog, 'PIN code', 'Recurring');
  await dialog.getByRole('radio', { name: /^Vendor/ }).check();
  await fillGuest(dialog, 'Jamie Rowe', '872-555-0113');
  await dialog.getByRole('textbox', { name: 'Company' }).fill('Paws & Go Dog Walking');

  // No day chosen: the form says so next to the days and sends nothing.
  await dialog.getByRole('button', { name: 'Grant access' }).click();
  await expect(dialog.getByText('Choose at least one day.')).toBeVisible();

  await setWeeklyWindow(page, dialog, { days: ['Monday', 'Wednesday', 'Friday'], from: { hour: 11, minute: 0 }, until: { hour: 13, minute: 0 } });
  await expect(dialog.getByRole('checkbox', { name: 'Tuesday' })).not.toBeChecked();
  await grant(dialog);

  const credential = panel.getByRole('article', { name: 'Jamie Rowe' });
  await expect(credential).toContainText('Paws & Go Dog Walking');
  await expect(credential).toContainText('Recurring');
  await expect(credential).toContainText('Vendor');
  await expect(credential).toContainText('Mon, Wed, Fri 11:00 AM–1:00 PM');
  await expect(credential.getByText('Active', { exact: true })).toBeVisible();
});

test('a recurring window that ends before it starts is refused next to "Until"', async ({ page, openConsole }) => {
  await openConsole(page);
  const { panel } = await openUnit(page, '1004', 'North Tower');
  const articles = await panel.getByRole('article').count();
  const dialog = await openGrantForm(page, panel, '1004');
  await chooseType(dialog, 'PIN code', 'Recurring');
  await fillGuest(dialog, 'Night Owl', '872-555-0114');
  await setWeeklyWindow(page, dialog, { days: ['Saturday'], from: { hour: 22, minute: 0 }, until: { hour: 2, minute: 0 } });
  await dialog.getByRole('button', { name: 'Grant access' }).click();
  await expect(dialog.getByRole('group', { name: 'Until' })).toHaveAccessibleDescription(/must end after it starts/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.getByRole('article')).toHaveCount(articles);
});

test('PIN code, Delivery: a one-time code from now, for the community’s 2-hour window, on the common doors only', async ({
  page,
  openConsole,
}) => {
  await openConsole(page);
  const { panel, dialog } = await startGrant(page, '205', 'North Tower');
  await chooseType(dialog, 'PIN code', 'Delivery');
  await expect(dialog.getByRole('radio', { name: /^Now/ })).toBeChecked();
  await expect(dialog).toContainText('2 hours');
  await fillGuest(dialog, 'Courier Dan', '312-555-0115');
  await grant(dialog);

  const credential = panel.getByRole('article', { name: 'Courier Dan' });
  await expect(credential).toContainText('Delivery');
  await expect(credential).toContainText(/One-time, until \w{3} \d+, \d+:\d\d [AP]M/);
  await expect(credential.getByText('Active', { exact: true })).toBeVisible();
  await expectDoors(page, credential, 'Courier Dan', '4 common doors', [
    'North Tower entrance',
    'East pedestrian gate',
    'Garage gate',
    'Package room',
  ]);
});

test('Bluetooth pass, Permanent, on a Bluetooth-only lock', async ({ page, openConsole }) => {
  await openConsole(page);
  const { panel, dialog } = await startGrant(page, '206', 'South Tower');
  await chooseType(dialog, 'Bluetooth pass', 'Permanent');
  await expect(dialog.getByRole('radio', { name: /^Delivery/ })).toBeDisabled();
  await fillGuest(dialog, 'Ines Moreau', '630-555-0116');
  await grant(dialog);

  const credential = panel.getByRole('article', { name: 'Ines Moreau' });
  await expect(credential).toContainText('Bluetooth pass');
  await expect(credential).toContainText('Until revoked');
  await expect(credential.getByText('Active', { exact: true })).toBeVisible();
  await expectDoors(page, credential, 'Ines Moreau', 'Unit door + 5 common doors', unitAndCommon('South Tower 206', 'South Tower'));
});

test('Bluetooth pass, Temporary, starting tomorrow: Scheduled', async ({ page, openConsole }) => {
  await openConsole(page);
  const { panel, dialog } = await startGrant(page, '208', 'South Tower');
  await chooseType(dialog, 'Bluetooth pass', 'Temporary');
  await fillGuest(dialog, 'Oskar Lind', '630-555-0117');
  const starts = communityDay(1, 9);
  const ends = communityDay(4, 17, 30);
  await typeDateTime(page, dialog.getByRole('group', { name: 'Starts' }), starts);
  await typeDateTime(page, dialog.getByRole('group', { name: 'Ends' }), ends);
  await grant(dialog);

  const credential = panel.getByRole('article', { name: 'Oskar Lind' });
  await expect(credential).toContainText('Bluetooth pass');
  await expect(credential).toContainText('Temporary');
  await expect(credential).toContainText(`${shownDateTime(starts)} – ${shownDateTime(ends)}`);
  await expect(credential.getByText('Scheduled', { exact: true })).toBeVisible();
});

test('revoking takes the credential off the unit door and every common door', async ({ page, openConsole }) => {
  await openConsole(page);
  const { row, panel } = await openUnit(page, '210', 'North Tower');
  const pinsBefore = await pinCount(credentialsCell(row));
  const dialog = await openGrantForm(page, panel, '210');
  await chooseType(dialog, 'PIN code', 'Permanent');
  await fillGuest(dialog, 'Ruth Okoye', '312-555-0118');
  await grant(dialog);

  const credential = panel.getByRole('article', { name: 'Ruth Okoye' });
  await expect(credential.getByText('Active', { exact: true })).toBeVisible();
  await expect(credentialsCell(row)).toContainText(`${pinsBefore + 1} PIN`);

  await credential.getByRole('button', { name: /^Revoke/ }).click();
  const confirm = page.getByRole('alertdialog', { name: /Revoke Ruth Okoye/ });
  // The confirmation names every door it leaves.
  for (const door of unitAndCommon('North Tower 210', 'North Tower')) await expect(confirm).toContainText(door);
  await confirm.getByRole('button', { name: 'Keep access' }).click();
  await revoke(page, credential, 'Ruth Okoye');

  await expect(credential.getByText('Revoked', { exact: true })).toBeVisible();
  await expect(credential.getByRole('button', { name: /^No longer opens Unit door \+ 5 common doors/ })).toBeVisible();
  await expect(credential.getByRole('button', { name: /^Resend text/ })).toHaveCount(0);
  if (pinsBefore === 0) await expect(credentialsCell(row)).toHaveText('None');
  else await expect(credentialsCell(row)).toContainText(`${pinsBefore} PIN`);

  // Across the community: the list opens on who has access, which Ruth no longer has; any status lists her as revoked.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Access' }).click();
  await expect(page.getByRole('button', { name: /Status/ })).toContainText('Active or scheduled');
  await page.getByRole('searchbox', { name: 'Search' }).fill('Ruth Okoye');
  await expect(page.getByText('No credentials match.')).toBeVisible();
  await page.getByRole('button', { name: /Status/ }).click();
  await page.getByRole('option', { name: 'Any status' }).click();
  const list = page.getByRole('table', { name: 'Credentials across the community' });
  await expect(list.getByRole('row', { name: /Ruth Okoye/ })).toContainText('Revoked');
});

test('"Edit dates" reissues a temporary code: the new one shows its dates, the old one is revoked as replaced', async ({
  page,
  openConsole,
}) => {
  await openConsole(page);
  const { panel, dialog } = await startGrant(page, '211', 'North Tower');
  await chooseType(dialog, 'PIN code', 'Temporary');
  await fillGuest(dialog, 'Lena Park', '773-555-0119');
  const firstEnd = communityDay(2, 18);
  await typeDateTime(page, dialog.getByRole('group', { name: 'Ends' }), firstEnd);
  await grant(dialog);

  const credentials = panel.getByRole('article', { name: 'Lena Park' });
  await expect(credentials).toHaveCount(1);
  await credentials.getByRole('button', { name: /^Edit dates/ }).click();
  const edit = page.getByRole('dialog', { name: 'New dates for Lena Park' });
  await expect(edit).toContainText(`Now: `);
  await expect(edit).toContainText(shownDateTime(firstEnd));
  const newEnd = communityDay(5, 10, 15);
  await typeDateTime(page, edit.getByRole('group', { name: 'Ends' }), newEnd);
  await edit.getByRole('button', { name: 'Save new dates' }).click();
  await expect(edit).toBeHidden();

  await expect(credentials).toHaveCount(2);
  const current = credentials.filter({ has: page.getByText('Active', { exact: true }) });
  const replaced = credentials.filter({ has: page.getByText('Revoked', { exact: true }) });
  await expect(current).toContainText(`– ${shownDateTime(newEnd)}`);
  await expect(current).toContainText('New dates set');
  await expect(replaced).toContainText(`– ${shownDateTime(firstEnd)}`);
  await expect(replaced).toContainText('Replaced with new dates');
  await expect(replaced.getByRole('button', { name: /^Edit dates/ })).toHaveCount(0);
});

test('leasing staff: vendor access needs an admin under the guidelines, so choosing it asks one', async ({
  page,
  openConsole,
}) => {
  await openConsole(page);
  await signInAs(page, 'Jordan Lee', '2468');
  const { dialog } = await startGrant(page, '212', 'North Tower');
  const vendor = dialog.getByRole('radio', { name: /^Vendor/ });
  await expect(vendor).toBeEnabled();
  await expect(vendor).toHaveAccessibleName(/Ask an admin to approve/);
  await expect(dialog.getByRole('radio', { name: /^Guest/ })).toBeChecked();
  await expect(dialog.getByRole('button', { name: 'Grant access' })).toBeVisible();
  await vendor.check();
  await expect(dialog.getByRole('textbox', { name: 'Reason for the admin' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Ask an admin' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Leasing may still bulk grant (to guests).
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Access' }).click();
  await expect(page.getByRole('button', { name: 'Bulk grant' })).toBeVisible();
});

test('the lobby kiosk: only the guidelines’ kiosk types are offered, and no bulk grant', async ({ page, openConsole }) => {
  await openConsole(page);
  await signInAs(page, 'Lobby kiosk', '4680');
  const { dialog } = await startGrant(page, '213', 'North Tower');
  for (const type of ['Permanent', 'Recurring']) {
    const radio = dialog.getByRole('radio', { name: new RegExp(`^${type}`) });
    await expect(radio).toBeDisabled();
    await expect(radio).toHaveAccessibleName(/Not from a kiosk/);
  }
  await expect(dialog.getByRole('radio', { name: /^Temporary/ })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: /^Delivery/ })).toBeEnabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Access' }).click();
  await expect(page.getByRole('heading', { name: 'Access', level: 2 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Bulk grant' })).toHaveCount(0);
});
