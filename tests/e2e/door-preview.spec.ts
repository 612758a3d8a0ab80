import { chooseType, fillGuest, setWeeklyWindow, startGrant } from './console-flow';
import { expect, test } from './fixtures';

/**
 * "What each door will hold", before Save: North Tower 201's door has a live Z-Wave lock (two
 * week-day slots per code, store seed 'zwave-lock-on-north-201'); the common doors are
 * programmed by a technician with the key-programmer.
 */
test.use({ seedStore: 'zwave-lock-on-north-201' });

test('the grant form shows what each door will hold, and a grant some door cannot hold is refused before Save', async ({ page, openConsole }) => {
  await openConsole(page);
  const { dialog } = await startGrant(page, '201', 'North Tower');
  await chooseType(dialog, 'PIN code', 'Recurring');
  await setWeeklyWindow(page, dialog, { days: ['Monday', 'Thursday'], from: { hour: 11, minute: 0 }, until: { hour: 13, minute: 0 } });

  const table = dialog.getByRole('table', { name: 'What each door will hold' });
  const unitDoor = table.getByRole('row', { name: /^North Tower 201 / });
  await expect(unitDoor).toContainText('Unit door');
  await expect(unitDoor).toContainText('Mon, Thu 11:00 AM–1:00 PM');
  await expect(unitDoor).toContainText('Kept by the lock');
  await expect(unitDoor).toContainText('Live, Z-Wave stick');
  await expect(unitDoor.getByRole('cell').first()).toHaveText(/^\d+$/);
  const entrance = table.getByRole('row', { name: /^North Tower entrance / });
  await expect(entrance).toContainText('Entrance');
  await expect(entrance).toContainText('Next round, key-programmer');
  await expect(table.getByRole('row', { name: /^Garage gate / })).toContainText('Perimeter');
  await expect(table.getByRole('row', { name: /^Fitness center / })).toContainText('Amenity');

  // Five days do not fit the lock's two weekly slots: it says so, and what Porter does instead.
  for (const day of ['Tuesday', 'Wednesday', 'Friday']) await dialog.getByRole('checkbox', { name: day }).check();
  await expect(unitDoor).toContainText('This lock keeps 2 weekly time slots per code and this schedule needs 5.');
  await expect(unitDoor).toContainText('Porter adds the code at 11:00 AM and removes it at 1:00 PM on Mon, Tue, Wed, Thu, Fri');
  await expect(dialog.getByRole('region', { name: 'What each door will hold' })).toContainText('If it is off when one is due, it catches up as soon as it starts');
  await fillGuest(dialog, 'Jane Doe', '312-555-0142');
  await expect(dialog.getByRole('button', { name: 'Grant access' })).toBeEnabled();
  await table.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/door-preview.png' });

  // A Bluetooth pass: the KB-500 model takes one, but this door's lock is reached over Z-Wave, which carries PIN codes only.
  await chooseType(dialog, 'Bluetooth pass', 'Permanent');
  await expect(unitDoor).toContainText("Cannot hold it: North Tower 201's lock is reached over Z-Wave, which carries PIN codes only");
  await expect(entrance).toContainText('Any time, until revoked');
  const save = dialog.getByRole('button', { name: 'Grant access' });
  await expect(save).toBeDisabled();
  await expect(save).toHaveAccessibleDescription(/This cannot be granted: North Tower 201's lock is reached over Z-Wave/);
  await page.screenshot({ path: 'test-results/screenshots/door-preview-refused.png' });

  // Back to a PIN code, and Save is there again.
  await chooseType(dialog, 'PIN code', 'Permanent');
  await expect(unitDoor).toContainText('Any time, until revoked');
  await expect(save).toBeEnabled();
});
