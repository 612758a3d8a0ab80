import { chooseType, fillGuest, sections, startGrant } from './console-flow';
import { expect, test } from './fixtures';

/**
 * Slot capacity: South Tower 204's Bluetooth lock (a BT-10, 20 slots) keeps 2 for staff and
 * emergency codes and has one guest slot left (store seed 'south-204-near-full'). The grant form
 * warns and names what to end first; the last slot goes to a guest; the next guest grant is
 * refused, since the reserved slots are not for guests; the Hardware page shows the door full.
 */
test.use({ seedStore: 'south-204-near-full' });

test('a door near full warns with what to end first, and its reserved slots are refused to a guest', async ({ page, openConsole }) => {
  await openConsole(page);
  const { dialog, panel } = await startGrant(page, '204', 'South Tower');
  await chooseType(dialog, 'Bluetooth pass', 'Permanent');
  const warning = dialog.getByRole('region', { name: 'Doors near full' });
  const door = warning.getByRole('listitem').filter({ hasText: 'South Tower 204 will have' });
  await expect(door).toContainText('South Tower 204 will have 0 slots free for guests after this grant');
  await expect(door).toContainText('2 kept for staff and emergency codes');
  await expect(door.getByRole('listitem').first()).toContainText('Temporary bluetooth pass of Theo Marsh (South Tower 204)');
  await warning.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/slot-capacity-warning.png' });

  // The last guest slot is still a guest's to take.
  await fillGuest(dialog, 'Jane Doe', '312-555-0142');
  await dialog.getByRole('button', { name: 'Grant access' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByRole('article', { name: 'Jane Doe' })).toBeVisible();

  // The next one would take a slot kept for staff: the form says it cannot fit, and Save waits (the core would refuse it).
  await panel.getByRole('button', { name: 'Grant access' }).click();
  const again = page.getByRole('dialog', { name: 'Grant access to South Tower 204' });
  await chooseType(again, 'Bluetooth pass', 'Permanent');
  await expect(again.getByRole('region', { name: 'Doors near full' })).toContainText('South Tower 204 cannot take all of this grant: it needs 1 slot and 0 are free for guests');
  await fillGuest(again, 'Sam Ortiz', '312-555-0199');
  await expect(again.getByRole('row', { name: /^South Tower 204 / })).toContainText('its other 2 are kept for staff and emergency codes');
  await expect(again.getByRole('button', { name: 'Grant access' })).toBeDisabled();
  await again.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.getByRole('article', { name: 'Sam Ortiz' })).toHaveCount(0);

  // A bulk grant on South Tower's floor 2 (all BT-10) warns too: unit 204's door has no guest slot left.
  await sections(page).getByRole('link', { name: 'Access' }).click();
  await page.getByRole('button', { name: 'Bulk grant' }).click();
  const bulk = page.getByRole('dialog', { name: 'Bulk grant' });
  await bulk.getByRole('button', { name: /Building$/ }).click();
  await page.getByRole('option', { name: 'South Tower', exact: true }).click();
  await bulk.getByRole('button', { name: /Floor$/ }).click();
  await page.getByRole('option', { name: 'Floor 2', exact: true }).click();
  await chooseType(bulk, 'Bluetooth pass', 'Permanent');
  const bulkWarning = bulk.getByRole('region', { name: 'Doors near full' });
  await expect(bulkWarning).toContainText('South Tower 204 cannot take all of this bulk grant: it needs 1 slot and 0 are free for guests');
  await expect(bulkWarning).toContainText('Theo Marsh');
  await bulk.getByRole('button', { name: 'Cancel' }).click();

  // The Hardware page counts the door full, fullest first.
  await sections(page).getByRole('link', { name: 'Hardware' }).click();
  const capacity = page.getByRole('table', { name: 'Door capacity' });
  const row = capacity.getByRole('row', { name: /^South Tower 204 / });
  await expect(row).toContainText('Full');
  await expect(row.getByRole('cell').nth(3)).toHaveText('2');
  await expect(capacity.getByRole('row').nth(1)).toContainText('South Tower 204');
  await capacity.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/slot-capacity-hardware.png' });
});

test('an admin keeps slots for staff: the number is checked as typed, and a limit the lock cannot keep is refused in words', async ({ page, openConsole }) => {
  await openConsole(page);
  await sections(page).getByRole('link', { name: 'Hardware' }).click();
  const form = page.getByRole('form', { name: 'Slots kept for staff and emergency codes' });
  await form.getByRole('button', { name: /Lock model$/ }).click();
  await page.getByRole('option', { name: 'BT-10 Bluetooth (20 slots)' }).click();
  const kept = form.getByRole('textbox', { name: 'Kept for staff and emergency codes' });
  await expect(kept).toHaveValue('2');

  // Not a number: Save sends nothing and says why; the message follows typing from then on.
  await kept.fill('2x');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('Enter a whole number.')).toBeVisible();
  await expect(form.getByRole('status')).toHaveCount(0);
  await kept.fill('4');
  await expect(form.getByText('Enter a whole number.')).toHaveCount(0);

  // The field stops at the lock's digits; all 20 slots kept would leave guests none.
  await kept.fill('200');
  await expect(kept).toHaveValue('20');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('BT-10 Bluetooth locks hold 20 slots: keep fewer than that for staff and emergency codes, so guests have at least one.')).toBeVisible();

  await kept.fill('3');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('status')).toHaveText('Saved.');
  await expect(page.getByRole('table', { name: 'Door capacity' }).getByRole('row', { name: /^South Tower 204 / }).getByRole('cell').nth(3)).toHaveText('3');
});
