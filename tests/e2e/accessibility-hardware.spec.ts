import type { Page } from '@playwright/test';
import { expectNoSeriousFindings } from './axe-check';
import { sections } from './console-flow';
import { expect, test } from './fixtures';

/**
 * axe-core over the Hardware page's dialogs on training hardware, signed in as the preset admin:
 * commissioning a factory-new Bluetooth lock, assigning a lock on the cable to its door, a
 * perimeter reader's configuration, adding a Z-Wave lock up to the PIN from its DSK label.
 * North Tower 104's lock is not assigned to its door in this store, for "Assign to door…".
 */
test.use({ seedStore: 'north-104-lock-unassigned' });

const dialog = '[role="dialog"]';

async function openHardware(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await sections(page).getByRole('link', { name: 'Hardware' }).click();
  await expect(page.getByRole('heading', { name: 'Hardware', level: 2 })).toBeVisible();
}

test('Commission a new lock and Configure reader on the Hardware page have no serious accessibility finding', async ({ page, openConsole }) => {
  await openConsole(page);
  await openHardware(page);

  // A factory-new Bluetooth lock in range, commissioned from its row.
  await page.getByRole('region', { name: 'Simulated Bluetooth' }).getByRole('button', { name: 'Bring a factory-new lock' }).click();
  const locks = page.getByRole('region', { name: 'Bluetooth', exact: true }).getByRole('table', { name: 'Bluetooth locks in range' });
  const fresh = locks.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Not commissioned' }) });
  await fresh.getByRole('button', { name: /^Commission/ }).click();
  const commission = page.getByRole('dialog', { name: 'Commission a new lock' });
  // The door picker opens its list at once: the door first, as a technician would.
  await commission.getByRole('combobox', { name: 'Door' }).fill('North Tower 306');
  await page.getByRole('option', { name: 'North Tower 306', exact: true }).click();
  await expectNoSeriousFindings(page, 'Commission a new lock', dialog);
  const code = commission.getByRole('textbox', { name: 'Setup code' });
  await code.fill('1111 2222');
  await commission.getByRole('button', { name: 'Commission lock', exact: true }).click();
  // Refused at the field: this factory-new lock is of another model than the door's.
  await expect(commission.getByRole('combobox', { name: 'Door' })).toHaveAttribute('aria-invalid', 'true');
  // In the models' names, not their ids.
  await expect(commission).toContainText(/North Tower 306’s lock is the Kestrel KB-500 Keypad \+ Bluetooth in Porter; this lock is the \w+ BT-10/);
  await page.screenshot({ path: 'test-results/screenshots/commission-refused.png' });
  await expectNoSeriousFindings(page, 'Commission a new lock with its refusals', dialog);
  await commission.getByRole('button', { name: 'Cancel' }).click();
  await expect(commission).toBeHidden();

  // A perimeter reader on the programmer's cable: Configure reader….
  const simulator = page.getByRole('region', { name: 'Simulator' });
  await simulator.getByRole('button', { name: 'Attach door…' }).first().click();
  const attach = page.getByRole('dialog', { name: 'Attach a simulated door' });
  await attach.getByRole('combobox', { name: 'Door' }).fill('Garage gate');
  await page.getByRole('option', { name: 'Garage gate', exact: true }).click();
  await attach.getByRole('button', { name: 'Attach door', exact: true }).click();
  await expect(attach).toBeHidden();
  await page.getByRole('button', { name: 'Configure reader…' }).click();
  const reader = page.getByRole('dialog', { name: 'Configure reader: Garage gate' });
  await expect(reader.getByRole('button', { name: /^Write/ })).toBeVisible();
  await expectNoSeriousFindings(page, 'Configure reader', dialog);
  // A mistyped address is said in words and nothing is written to the reader.
  await reader.getByRole('textbox', { name: 'OSDP address' }).fill('1o');
  await reader.getByRole('button', { name: /^Write/ }).click();
  await expect(reader.getByText('Enter a whole number.')).toBeVisible();
  await expect(reader).toBeVisible();
});

// No per-test time limit: the first plug interviews three dozen simulated locks (minutes under load).
test('adding a Z-Wave lock, up to the PIN from its DSK label, has no serious accessibility finding', async ({ page, openConsole }) => {
  test.setTimeout(0);
  await openConsole(page);
  await openHardware(page);
  const section = page.getByRole('region', { name: 'Z-Wave', exact: true });
  const simulator = page.getByRole('region', { name: 'Simulated Z-Wave' });
  await simulator.getByRole('button', { name: 'Plug the stick in' }).click();
  // The first plug interviews every simulated lock once: as long as the simulated radio takes.
  await expect(section.getByText('Ready', { exact: true })).toBeVisible({ timeout: 0 });
  // The network first writes the demo's codes to its locks; a lock is added on a quiet network.
  await expect(section.getByText(/\d+ pending/)).toHaveCount(0, { timeout: 0 });
  await simulator.getByRole('button', { name: 'Bring a factory-new lock' }).click();
  await section.getByRole('button', { name: 'Add a lock…' }).click();
  const include = page.getByRole('dialog', { name: 'Add a Z-Wave lock' });
  await expect(include).toBeVisible();
  await expectNoSeriousFindings(page, 'Add a Z-Wave lock', dialog);
  const pin = include.getByRole('textbox', { name: /^PIN/ });
  await expect(pin).toBeVisible({ timeout: 0 });
  await expectNoSeriousFindings(page, 'Add a Z-Wave lock, the DSK prompt', dialog);
  await pin.fill('1234');
  await include.getByRole('button', { name: 'Add lock' }).click();
  await expect(pin).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousFindings(page, 'Add a Z-Wave lock, the DSK prompt with a refusal', dialog);
  await include.getByRole('button', { name: 'Cancel' }).click();
  await expect(include).toBeHidden();
});

test('Assign lock has no serious accessibility finding', async ({ page, openConsole }) => {
  await openConsole(page);
  await openHardware(page);
  const simulator = page.getByRole('region', { name: 'Simulator' });
  await simulator.getByRole('button', { name: 'Attach door…' }).first().click();
  const attach = page.getByRole('dialog', { name: 'Attach a simulated door' });
  await attach.getByRole('combobox', { name: 'Door' }).fill('North Tower 10');
  await page.getByRole('option', { name: 'North Tower 104', exact: true }).click();
  await attach.getByRole('button', { name: 'Attach door', exact: true }).click();
  await expect(attach).toBeHidden();
  await page.getByRole('button', { name: 'Assign to door…' }).click();
  const assign = page.getByRole('dialog', { name: /^Assign lock .+ to a door$/ });
  // The door picker opens its list at once (North Tower 104 first: its lock is missing).
  await expect(page.getByRole('option', { name: 'North Tower 104', exact: true })).toContainText('no lock assigned');
  await expectNoSeriousFindings(page, 'Assign lock, the door list open', '[role="listbox"]');
  await page.getByRole('option', { name: 'North Tower 104', exact: true }).click();
  await expectNoSeriousFindings(page, 'Assign lock', dialog);
  await assign.getByRole('button', { name: 'Assign lock', exact: true }).click();
  await expect(assign).toBeHidden();
  const onCable = page.getByRole('group', { name: 'Door on the cable' });
  await expect(onCable).toContainText('North Tower 104');
  await expect(onCable).not.toContainText('Not assigned to a door');
});
