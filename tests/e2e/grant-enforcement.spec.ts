import { chooseType, setWeeklyWindow, startGrant } from './console-flow';
import { expect, test } from './fixtures';

/**
 * The grant form says, under the schedule, how each door the grant opens keeps it: North
 * Tower 201's door has a Z-Wave lock (two week-day slots per code), the common doors are
 * programmed by a technician.
 */
test.use({ seedStore: 'zwave-lock-on-north-201' });

test('the grant form says which doors enforce a schedule and which Porter keeps, and what happens while the console is off', async ({
  page,
  openConsole,
}) => {
  await openConsole(page);
  const { dialog } = await startGrant(page, '201', 'North Tower');
  await chooseType(dialog, 'PIN code', 'Recurring');
  await setWeeklyWindow(page, dialog, { days: ['Monday', 'Thursday'], from: { hour: 11, minute: 0 }, until: { hour: 13, minute: 0 } });

  const doors = dialog.getByRole('region', { name: 'How the doors enforce it' });
  const unitDoor = doors.getByRole('listitem').filter({ hasText: 'Z-Wave' });
  // Two days fit the lock's two week-day slots.
  await expect(unitDoor).toContainText('Lock enforces the schedule');
  await expect(doors.getByRole('listitem').filter({ hasText: 'Garage gate' })).toContainText('Next technician round');

  // Five days do not: Porter adds and removes the code at the window's times, and says why.
  for (const day of ['Tuesday', 'Wednesday', 'Friday']) await dialog.getByRole('checkbox', { name: day }).check();
  await expect(unitDoor).toContainText('Porter adds and removes the code at 11:00 AM and 1:00 PM on the chosen days');
  await expect(unitDoor).toContainText('This lock keeps 2 weekly time slots per code and this schedule needs 5');
  await expect(doors).toContainText('If it is off when one is due, it catches up as soon as it starts');
  await doors.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/grant-enforcement.png' });
});
