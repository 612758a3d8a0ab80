import type { Locator, Page } from '@playwright/test';
import { sections, unitDoorStatus } from './console-flow';
import { expect, test } from './fixtures';

/**
 * The Hardware page on simulated hardware (the e2e hosts run the simulator), as a maintenance
 * technician works it: a unit door from the round put on the simulated programmer's cable
 * through the door picker, programmed with progress and steps, gone from the round and no
 * longer pending in the Units grid; and a programmer pulled out mid-commit, its job kept in the
 * unfinished list (from the store: it outlasts a reload), plugged back in and resumed. The tests
 * share the worker's host, in order: each takes the next waiting unit door.
 */
test.use({ operator: { id: 'sam', name: 'Sam Ortiz', role: 'maintenance' } });

const programmerName = 'Key-programmer PKP-1 (simulated)';

async function openHardware(page: Page) {
  await sections(page).getByRole('link', { name: 'Hardware' }).click();
  await expect(page.getByRole('heading', { name: 'Hardware', level: 2 })).toBeVisible();
  return {
    card: page.getByRole('region', { name: programmerName }),
    simulator: page.getByRole('region', { name: 'Simulator' }),
    pending: page.getByRole('region', { name: 'Doors pending programming' }),
    unfinished: page.getByRole('region', { name: 'Unfinished jobs' }),
  };
}

/** The round's next unit door: its name ("North Tower 104"), as the pending table shows it. */
async function nextPendingUnitDoor(pending: Locator): Promise<string> {
  const row = pending.getByRole('row').filter({ hasText: 'Unit door' }).first();
  const name = (await row.getByRole('rowheader').textContent())?.trim();
  expect(name).toMatch(/^.+ \S+$/);
  return name!;
}

/** Simulator: "Attach door…", the door found by the picker's search and picked from its list. */
async function attachDoor(page: Page, simulator: Locator, door: string): Promise<void> {
  await simulator.getByRole('group', { name: programmerName }).getByRole('button', { name: 'Attach door…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Attach a simulated door' });
  await dialog.getByRole('combobox', { name: 'Door' }).fill(door.slice(0, -1));
  const option = page.getByRole('option', { name: door, exact: true });
  // Each door says where it is, its model and its lock; one of the round, since when it waits.
  await expect(option).toContainText(/Unit door · .+ · lock \S+ · pending since /);
  await option.click();
  await dialog.getByRole('button', { name: 'Attach door', exact: true }).click();
  await expect(dialog).toBeHidden();
}

test('a unit door from the round, programmed from the Hardware page, is no longer pending in the Units grid', async ({
  page,
  openConsole,
}) => {
  await openConsole(page);
  const { card, simulator, pending } = await openHardware(page);
  await expect(card.getByText('Simulated', { exact: true })).toBeVisible();
  await expect(card.getByText('Ready', { exact: true })).toBeVisible();
  await expect(simulator).toContainText('Simulated hardware');
  await expect(card.getByRole('button', { name: 'Program door' })).toBeDisabled();
  const door = await nextPendingUnitDoor(pending);

  // Before: the grid shows the unit's door waiting for programming.
  await expect(await unitDoorStatus(page, door)).toContainText('Pending since');

  await openHardware(page);
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
  // What the job did, in the core's words.
  const result = job.getByRole('paragraph').filter({ hasText: /^(Writing \d+, removing \d+|Writing the whole table: \d+ credentials)$/ });
  await expect(result).toBeVisible();
  await expect(onCable).toContainText('In sync');
  await expect(pending.getByRole('rowheader', { name: door, exact: true })).toHaveCount(0);

  // After: the grid's pending is gone; the door holds what Porter wants on it.
  const status = await unitDoorStatus(page, door);
  await expect(status).toHaveText('In sync');
  await expect(status).not.toContainText('Pending');
});

test('a programmer pulled out during the commit: the job waits in the unfinished list, and Resume finishes it', async ({
  page,
  openConsole,
}) => {
  await openConsole(page);
  const { card, simulator, pending, unfinished } = await openHardware(page);
  await expect(card).toBeVisible();
  await expect(unfinished).toHaveCount(0);
  const door = await nextPendingUnitDoor(pending);
  await attachDoor(page, simulator, door);
  await expect(card.getByRole('group', { name: 'Door on the cable' })).toContainText(door);

  const controls = simulator.getByRole('group', { name: programmerName });
  await controls.getByRole('button', { name: /Fault$/ }).click();
  await page.getByRole('option', { name: 'Unplug during commit', exact: true }).click();
  await expect(controls).toContainText('pulled out during the commit of the next programming that has changes to write');
  await controls.getByRole('button', { name: 'Inject fault' }).click();
  await expect(controls.getByRole('status')).toContainText('Unplug during commit injected');

  await card.getByRole('button', { name: 'Program door' }).click();
  // The programmer goes; the store keeps its job as unfinished, with what to do.
  await expect(card).toHaveCount(0);
  const entry = unfinished.getByRole('listitem', { name: `Programming · ${door}` });
  await expect(unfinished.getByRole('listitem')).toHaveCount(1);
  await expect(entry).toContainText('Interrupted');
  await expect(entry).toContainText('The programmer was disconnected.');
  await expect(entry).toContainText('Reconnect the programmer and the door cable, then press Resume.');
  await expect(entry).toContainText('Attach this door to a programmer and press Resume');
  await expect(pending.getByRole('rowheader', { name: door, exact: true })).toBeVisible();

  // Not this window's memory: a reload shows it still.
  await page.reload();
  await expect(entry).toContainText('The programmer was disconnected.');

  await simulator.getByRole('button', { name: 'Plug in a programmer' }).click();
  await expect(card).toBeVisible();
  await attachDoor(page, simulator, door);
  await expect(entry).toContainText(`${door} is on the cable of ${programmerName}: press Resume on its card.`);
  const job = card.getByRole('group', { name: 'Job' });
  await expect(job).toContainText(`Programming · ${door}`);
  await expect(job.getByRole('alert')).toContainText('press Resume');
  await job.getByRole('button', { name: 'Resume' }).click();

  await expect(job.getByRole('progressbar', { name: 'Programming progress' })).toHaveAttribute('aria-valuenow', '100');
  // The door had swapped tables before the cable went: Resume credits that commit, writes nothing.
  await expect(job.getByRole('paragraph').filter({ hasText: 'The commit made before the interruption had landed: nothing left to write' })).toBeVisible();
  await expect(job.getByRole('alert')).toHaveCount(0);
  await expect(unfinished).toHaveCount(0);
  await expect(card.getByRole('group', { name: 'Door on the cable' })).toContainText('In sync');
  await expect(pending.getByRole('rowheader', { name: door, exact: true })).toHaveCount(0);
});
