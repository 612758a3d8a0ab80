import type { Locator, Page } from '@playwright/test';
import { simulatedSetupCode } from '../../src/shared/domain';
import { sections, unitDoorStatus } from './console-flow';
import { expect, test } from './fixtures';

/**
 * The Hardware page's Bluetooth section on simulated hardware (the e2e hosts run a simulated
 * dongle hearing the Bluetooth locks of one floor), as a maintenance technician works it: the
 * locks in range with their signal and battery, a pending one programmed from its row (the job
 * under the list, the row turning "In sync", the door no longer pending in the Units grid), and
 * a factory-new lock commissioned from its row while the list refreshes under the keyboard focus.
 */
test.use({ operator: { id: 'sam', name: 'Sam Ortiz', role: 'maintenance' } });


async function openBluetooth(page: Page) {
  await sections(page).getByRole('link', { name: 'Hardware' }).click();
  await expect(page.getByRole('heading', { name: 'Hardware', level: 2 })).toBeVisible();
  const section = page.getByRole('region', { name: 'Bluetooth', exact: true });
  return { section, locks: section.getByRole('table', { name: 'Bluetooth locks in range' }) };
}

/** The scan list's row of a door, by its row header (the door's name). */
function lockRow(page: Page, locks: Locator, door: string): Locator {
  return locks.getByRole('row').filter({ has: page.getByRole('rowheader', { name: door, exact: true }) });
}

test('a pending Bluetooth lock in range, programmed from its row, turns In sync and its door is no longer pending', async ({
  page,
  openConsole,
}) => {
  await openConsole(page);
  const { section, locks } = await openBluetooth(page);
  await expect(section.getByText('Simulated', { exact: true })).toBeVisible();
  await expect(section.getByText('Scanning', { exact: true })).toBeVisible();

  // Every lock heard says how strong it is and how full its battery, strongest first.
  const rows = locks.getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) {
    await expect(row).toContainText(/(Strong|Fair|Weak)\s*−\d+ dBm/);
    await expect(row).toContainText(/\d+ %/);
  }

  const pendingRow = rows.filter({ hasText: 'Pending' }).filter({ has: page.getByRole('button', { name: /^Program / }) }).first();
  const door = (await pendingRow.getByRole('rowheader').textContent())?.trim() ?? '';
  expect(door).toMatch(/^.+ \S+$/);
  await expect(section.getByRole('button', { name: /^Program all pending in range \(\d+\)$/ })).toBeEnabled();

  // Before: the grid shows the unit's door waiting for programming.
  await expect(await unitDoorStatus(page, door)).toContainText('Pending since');

  await openBluetooth(page);
  const row = lockRow(page, locks, door);
  await expect(row).toContainText('Pending');
  await row.getByRole('button', { name: `Program ${door}`, exact: true }).click();

  // The job shows under the list, the same job view as a programmer's, over Bluetooth.
  const job = section.getByRole('group', { name: 'Job' });
  await expect(job).toContainText(`Programming · ${door}`);
  await expect(job.getByRole('progressbar', { name: 'Programming progress' })).toHaveAttribute('aria-valuenow', '100');
  const steps = job.getByRole('list', { name: 'Steps' }).getByRole('listitem');
  await expect(steps).toHaveCount(5);
  for (const [i, step] of ['Connect and authenticate', 'Read the door', 'Stage changes', 'Commit', 'Verify'].entries()) {
    await expect(steps.nth(i)).toContainText(step);
    await expect(steps.nth(i)).toContainText('Done');
  }
  await expect(steps.first()).toContainText(/-?\d+ dBm/);
  await expect(job.getByRole('alert')).toHaveCount(0);

  // The row: the lock now holds what Porter wants, and its last job is the one shown.
  await expect(row).toContainText('In sync');
  await expect(row).not.toContainText('Pending');
  await expect(row.getByRole('button', { name: 'Program · Done' })).toHaveAttribute('aria-pressed', 'true');

  // After: the grid's pending is gone.
  const status = await unitDoorStatus(page, door);
  await expect(status).toHaveText('In sync');
  await expect(status).not.toContainText('Pending');
});

test('a factory-new lock comes in range: the list takes it without moving the focus, and it is commissioned from its row', async ({
  page,
  openConsole,
}) => {
  await openConsole(page);
  const { section, locks } = await openBluetooth(page);
  const rows = locks.getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(rows.first()).toBeVisible();
  const before = await rows.count();
  const focused = rows.last().getByRole('button', { name: /^Read audit / });
  await focused.focus();

  // Another window (the trainer's) brings a factory-new lock into range: a new row, at the top.
  const trainer = await page.context().newPage();
  await openConsole(trainer);
  await sections(trainer).getByRole('link', { name: 'Hardware' }).click();
  const simulator = trainer.getByRole('region', { name: 'Simulated Bluetooth' });
  await simulator.getByRole('button', { name: /Model$/ }).click();
  await trainer.getByRole('option', { name: 'KB-500 Keypad + Bluetooth', exact: true }).click();
  await simulator.getByRole('button', { name: 'Bring a factory-new lock' }).click();
  await expect(simulator.getByRole('status')).toContainText('A factory-new lock is in range');
  await trainer.close();

  const fresh = rows.filter({ has: page.getByRole('rowheader', { name: 'Not commissioned' }) });
  await expect(fresh).toHaveCount(1);
  await expect(rows).toHaveCount(before + 1);
  await expect(focused).toBeFocused();

  await fresh.getByRole('button', { name: /^Commission/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Commission a new lock' });
  const door = 'North Tower 306';
  await dialog.getByRole('combobox', { name: 'Door' }).fill(door);
  await page.getByRole('option', { name: door, exact: true }).click();
  const code = dialog.getByRole('textbox', { name: 'Setup code' });

  // A wrong code: the lock refuses it, and the form says so at the field.
  await code.fill('1111 2222');
  await dialog.getByRole('button', { name: 'Commission lock', exact: true }).click();
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toBeVisible();

  // The code on the label, as printed (two groups of four).
  await code.fill(`${simulatedSetupCode.slice(0, 4)} ${simulatedSetupCode.slice(4)}`);
  await dialog.getByRole('button', { name: 'Commission lock', exact: true }).click();
  await expect(dialog).toBeHidden();

  // Commissioned on its door: the door's whole table is to write, so it is pending; Program writes it.
  const row = lockRow(page, locks, door);
  await expect(row).toContainText('Pending');
  await expect(fresh).toHaveCount(0);
  await row.getByRole('button', { name: `Program ${door}`, exact: true }).click();
  const job = section.getByRole('group', { name: 'Job' });
  await expect(job).toContainText(`Programming · ${door}`);
  await expect(job.getByRole('progressbar', { name: 'Programming progress' })).toHaveAttribute('aria-valuenow', '100');
  await expect(row).toContainText('In sync');
});
