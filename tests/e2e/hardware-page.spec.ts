import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * The Hardware page on simulated hardware (the e2e hosts run the simulator), as a maintenance
 * technician works it: a door from the round put on the simulated programmer's cable,
 * programmed with progress and steps, gone from the round; and a programmer pulled out
 * mid-commit, plugged back in, and the job resumed. The tests share the worker's host, in
 * order: each takes the next waiting unit door.
 */
test.use({ operator: { id: 'sam', name: 'Sam Ortiz', role: 'maintenance' } });

const programmerName = 'Key-programmer PKP-1 (simulated)';

async function openHardware(page: Page) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Hardware' }).click();
  await expect(page.getByRole('heading', { name: 'Hardware', level: 2 })).toBeVisible();
  const card = page.getByRole('region', { name: programmerName });
  await expect(card).toBeVisible();
  return {
    card,
    simulator: page.getByRole('region', { name: 'Simulator' }),
    pending: page.getByRole('region', { name: 'Doors pending programming' }),
  };
}

/** The round's next unit door: its name, as the pending table shows it. */
async function nextPendingUnitDoor(pending: Locator): Promise<string> {
  const row = pending.getByRole('row').filter({ hasText: 'Unit door' }).first();
  const name = (await row.getByRole('rowheader').textContent())?.trim();
  expect(name).toBeTruthy();
  return name!;
}

/** Simulator: "Attach door…", the door picked from the list of waiting doors. */
async function attachDoor(page: Page, simulator: Locator, door: string): Promise<void> {
  await simulator.getByRole('group', { name: programmerName }).getByRole('button', { name: 'Attach door…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Attach a simulated door' });
  await dialog.getByRole('combobox', { name: 'Door' }).fill(door.slice(0, -1));
  await page.getByRole('option', { name: door, exact: true }).click();
  await dialog.getByRole('button', { name: 'Attach door', exact: true }).click();
  await expect(dialog).toBeHidden();
}

test('the simulated programmer programs a door from the round, with progress and steps', async ({ page, openConsole }) => {
  await openConsole(page);
  const { card, simulator, pending } = await openHardware(page);
  await expect(card.getByText('Simulated', { exact: true })).toBeVisible();
  await expect(card.getByText('Ready', { exact: true })).toBeVisible();
  await expect(simulator).toContainText('Simulated hardware');
  await expect(card.getByRole('button', { name: 'Program door' })).toBeDisabled();

  const door = await nextPendingUnitDoor(pending);
  await attachDoor(page, simulator, door);
  const onCable = card.getByRole('group', { name: 'Door on the cable' });
  await expect(onCable).toContainText(door);
  await expect(onCable).toContainText(/\d+ to write, \d+ to remove|Whole table to write/);

  await card.getByRole('button', { name: 'Program door' }).click();
  const job = card.getByRole('group', { name: 'Job' });
  await expect(job).toContainText(`Programming · ${door}`);
  await expect(job.getByRole('progressbar', { name: 'Programming progress' })).toHaveAttribute('aria-valuenow', '100');
  const steps = job.getByRole('list', { name: 'Steps' }).getByRole('listitem');
  await expect(steps).toHaveCount(4);
  for (const [i, step] of ['Read the door', 'Stage changes', 'Commit', 'Verify'].entries()) {
    await expect(steps.nth(i)).toContainText(step);
    await expect(steps.nth(i)).toContainText('Done');
  }
  await expect(job).toContainText(`${door} holds what Porter wants on it.`);
  await expect(onCable).toContainText('In sync');
  await expect(pending.getByRole('rowheader', { name: door, exact: true })).toHaveCount(0);
});

test('a programmer pulled out during the commit: the job stops with advice, and Resume finishes it', async ({
  page,
  openConsole,
}) => {
  await openConsole(page);
  const { card, simulator, pending } = await openHardware(page);
  const door = await nextPendingUnitDoor(pending);
  await attachDoor(page, simulator, door);
  await expect(card.getByRole('group', { name: 'Door on the cable' })).toContainText(door);

  const controls = simulator.getByRole('group', { name: programmerName });
  await controls.getByRole('button', { name: /Fault$/ }).click();
  await page.getByRole('option', { name: 'Unplug during commit', exact: true }).click();
  await controls.getByRole('button', { name: 'Inject fault' }).click();
  await expect(controls.getByRole('status')).toContainText('Unplug during commit injected');

  await card.getByRole('button', { name: 'Program door' }).click();
  // The programmer goes; its unfinished job stays on the page with what to do.
  await expect(card).toHaveCount(0);
  const unfinished = page.getByRole('region', { name: `Unfinished job: Programming, ${door}` });
  await expect(unfinished).toContainText('Interrupted');
  await expect(unfinished.getByRole('alert')).toContainText('press Resume');
  await expect(pending.getByRole('rowheader', { name: door, exact: true })).toBeVisible();

  await simulator.getByRole('button', { name: 'Plug in a programmer' }).click();
  await expect(card).toBeVisible();
  await attachDoor(page, simulator, door);
  await expect(unfinished).toHaveCount(0);
  const job = card.getByRole('group', { name: 'Job' });
  await expect(job).toContainText(`Programming · ${door}`);
  await expect(job.getByRole('alert')).toContainText('press Resume');
  await job.getByRole('button', { name: 'Resume' }).click();

  await expect(job.getByRole('progressbar', { name: 'Programming progress' })).toHaveAttribute('aria-valuenow', '100');
  await expect(job).toContainText(`${door} holds what Porter wants on it.`);
  await expect(job.getByRole('alert')).toHaveCount(0);
  await expect(card.getByRole('group', { name: 'Door on the cable' })).toContainText('In sync');
  await expect(pending.getByRole('rowheader', { name: door, exact: true })).toHaveCount(0);
});
