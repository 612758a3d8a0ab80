import path from 'node:path';
import Database from 'better-sqlite3';
import type { Locator, Page } from '@playwright/test';
import { databaseFileName } from '../../src/main/store/database';
import { fillGuest, openGrantForm, openUnit, sections, unitDoorStatus } from './console-flow';
import { expect, test } from './fixtures';

// Each flow waits on the simulated radio (the first plug interviews three dozen simulated locks):
// as long as it takes on a loaded machine, as the waits inside them do.
test.describe.configure({ mode: 'serial', timeout: 0 });

/**
 * Z-Wave locks on the training console, as the leasing office and a technician meet them: the
 * demo's Z-Wave unit doors reached through the simulated stick, a grant that reaches the lock
 * with nobody pressing anything (the door turns In sync on its own), the guest's code typed at
 * the lock's keypad opening it, and the activity log saying who.
 */

async function openZWave(page: Page) {
  await sections(page).getByRole('link', { name: 'Hardware' }).click();
  await expect(page.getByRole('heading', { name: 'Hardware', level: 2 })).toBeVisible();
  const section = page.getByRole('region', { name: 'Z-Wave', exact: true });
  return { section, locks: section.getByRole('table', { name: 'Z-Wave locks' }) };
}

function lockRow(page: Page, locks: Locator, door: string): Locator {
  return locks.getByRole('row').filter({ has: page.getByRole('rowheader', { name: door, exact: true }) });
}

/**
 * The guest's code as the guest's phone received it: the grant's code, read from the console's
 * store. By name: other specs on this worker's console grant too, so the guest's name is this spec's own.
 */
function textedCode(dataDir: string, guest: string): string {
  const db = new Database(path.join(dataDir, databaseFileName), { readonly: true, fileMustExist: true });
  try {
    const row = db
      .prepare<[string], { pin_code: string }>('SELECT c.pin_code FROM credentials c JOIN guests g ON g.id = c.guest_id WHERE g.name = ? AND c.ended_at IS NULL')
      .get(guest);
    if (!row) throw new Error(`No live code for ${guest}.`);
    return row.pin_code;
  } finally {
    db.close();
  }
}

test('a grant on a Z-Wave unit door reaches the lock on its own, and the guest’s code opens it with the activity log saying who', async ({
  page,
  openConsole,
  dataDir,
}) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await openConsole(page);
  const { section, locks } = await openZWave(page);
  // A fresh training console: its locks are on their doors, the stick waits to be plugged in.
  const simulator = page.getByRole('region', { name: 'Simulated Z-Wave' });
  await simulator.getByRole('button', { name: 'Plug the stick in' }).click();
  // The first plug interviews every simulated lock once: as long as the simulated radio takes.
  await expect(section.getByText('Ready', { exact: true })).toBeVisible({ timeout: 0 });
  await expect(section.getByText('Simulated Z-Wave stick', { exact: true })).toBeVisible();

  // A unit door with a Z-Wave lock, in sync before the grant.
  const unitRows = locks.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^.+ \d+$/ }) });
  await expect(unitRows.first()).toContainText('In sync', { timeout: 0 });
  const door = (await unitRows.first().getByRole('rowheader').textContent())?.trim() ?? '';
  const [, building, number] = /^(.+) (\d+)$/.exec(door)!;
  await section.screenshot({ path: 'test-results/screenshots/zwave-section.png' });

  // Leasing grants a permanent code; nobody takes a programmer to the door.
  await sections(page).getByRole('link', { name: 'Units' }).click();
  const { panel } = await openUnit(page, number!, building!);
  const dialog = await openGrantForm(page, panel, number!);
  await dialog.getByRole('radio', { name: /^PIN code/ }).check();
  await fillGuest(dialog, 'Marisol Okafor', '312-555-0188');
  await dialog.getByRole('button', { name: 'Grant access' }).click();
  await expect(dialog).toBeHidden();

  // The lock reports the code: its door is In sync in the grid and on the Hardware page. The
  // queue works through the building's locks over the simulated radio: no bound on how long.
  await expect(await unitDoorStatus(page, door)).toHaveText('In sync', { timeout: 0 });
  await openZWave(page);
  await expect(lockRow(page, locks, door)).toContainText('In sync', { timeout: 0 });

  // The guest types the code at the lock's keypad.
  const code = textedCode(dataDir, 'Marisol Okafor');
  const keypad = simulator.getByRole('form', { name: 'Keypad' });
  await keypad.getByRole('button', { name: /At the lock$/ }).click();
  await page.getByRole('option', { name: new RegExp(`^${door} · node`) }).click();
  await keypad.getByRole('textbox', { name: 'Code' }).fill(code);
  await keypad.getByRole('button', { name: 'Press' }).click();
  const latest = simulator.getByRole('list', { name: 'Latest in the activity log' });
  const opened = `${door} was unlocked at its keypad with Marisol Okafor’s code`;
  await expect(latest).toContainText(opened);
  await simulator.screenshot({ path: 'test-results/screenshots/zwave-training-panel.png' });

  // The activity log says who opened which door.
  await sections(page).getByRole('link', { name: 'Activity' }).click();
  await expect(page.getByRole('main')).toContainText(opened);
});

test('a factory-new lock asks for the PIN from its DSK label, beside the rest of its DSK, and a PIN that is not five digits is refused', async ({
  page,
  openConsole,
}) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await openConsole(page);
  const { section } = await openZWave(page);
  const simulator = page.getByRole('region', { name: 'Simulated Z-Wave' });
  await simulator.getByRole('button', { name: 'Bring a factory-new lock' }).click();
  await section.getByRole('button', { name: 'Add a lock…' }).click();

  const dialog = page.getByRole('dialog', { name: 'Add a Z-Wave lock' });
  const pin = dialog.getByRole('textbox', { name: /^PIN/ });
  // The lock joins and asks for S2: as long as the simulated radio takes.
  await expect(pin).toBeVisible({ timeout: 0 });
  await expect(pin).toBeFocused();
  await expect(dialog.getByLabel(/^The rest of the DSK/)).toHaveText(/^(-\d{5}){7}$/);

  await pin.fill('1234');
  await dialog.getByRole('button', { name: 'Add lock' }).click();
  await expect(dialog).toContainText('The PIN is five digits; this has 4.');
  await page.screenshot({ path: 'test-results/screenshots/zwave-dsk-prompt.png' });

  // Cancel stops the inclusion: the network takes the next lock.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(section.getByRole('button', { name: 'Add a lock…' })).toBeEnabled();
});
