import type { Page } from '@playwright/test';
import { openDatabase } from '../../src/main/store/database';
import { openUnit, revoke, sections } from './console-flow';
import { expect, test } from './fixtures';

/**
 * Revocation exposure (issue 16), as the office and its technician live it, signed in as Avery
 * Brooks (admin: the office's screens and the Hardware page): a guest's code already on their
 * unit door is revoked; until the door is programmed the Units page counts it, the credential
 * names the doors still holding it, and the round lists the door with since when. Programmed
 * through the simulated key-programmer, the door leaves the figure and the activity log says
 * when it dropped the code.
 */
const programmerName = 'Key-programmer PKP-1 (simulated)';

interface HeldCode {
  guest: string;
  number: string;
  building: string;
  door: string;
}

/** A demo guest's live PIN code that their unit door already holds (programmed after it was granted). */
function codeOnItsDoor(dataDir: string): HeldCode {
  const db = openDatabase({ dataDir });
  try {
    return db
      .prepare(
        `SELECT g.name AS guest, u.number, b.name AS building, d.name AS door
         FROM credentials c JOIN guests g ON g.id = c.guest_id JOIN units u ON u.id = c.unit_id
         JOIN buildings b ON b.id = u.building_id
         JOIN doors d ON d.unit_id = u.id AND d.kind = 'unit'
         JOIN door_credentials dc ON dc.door_id = d.id AND dc.credential_id = c.id AND dc.removed_at IS NULL
         WHERE c.ended_at IS NULL AND c.kind = 'pin' AND c.access_type = 'permanent'
           AND d.reported_at IS NOT NULL AND dc.added_at <= d.reported_at AND d.desired_version = d.reported_version
           AND (SELECT count(*) FROM credentials o WHERE o.guest_id = c.guest_id AND o.unit_id = c.unit_id) = 1
         ORDER BY u.id LIMIT 1`,
      )
      .get() as HeldCode;
  } finally {
    db.close();
  }
}

/** "3 ended codes still open 7 doors; …" → 7 (0 when none does). */
async function exposedDoors(page: Page): Promise<number> {
  await sections(page).getByRole('link', { name: 'Units' }).click();
  const figure = page.getByLabel('Revocation exposure');
  await expect(figure).toBeVisible();
  const match = / still opens? (\d+) doors?;/.exec((await figure.textContent()) ?? '');
  return match ? Number(match[1]) : 0;
}

test('a revoked code stays counted on its door until the door is programmed, and the log says when it dropped', async ({ page, openConsole, dataDir }) => {
  await openConsole(page);
  const held = codeOnItsDoor(dataDir);
  expect(held.door).toBe(`${held.building} ${held.number}`);
  const before = await exposedDoors(page);

  const { panel } = await openUnit(page, held.number, held.building);
  const credential = panel.getByRole('article', { name: held.guest });
  await revoke(page, credential, held.guest);
  await expect(credential.getByText('Revoked', { exact: true })).toBeVisible();
  // On the credential: which doors still open for it, and since when.
  const line = credential.getByRole('note');
  await expect(line).toContainText(/^Still opens \d+ doors?: /);
  await expect(line).toContainText(`${held.door} since under a minute`);

  // The Units page's one figure, and the credential behind it with its doors.
  await expect.poll(() => exposedDoors(page)).toBeGreaterThan(before);
  const figure = page.getByLabel('Revocation exposure');
  await expect(figure).toContainText(/ended codes? still opens? \d+ doors?; the oldest for /);
  await figure.getByText(/still open/).click();
  const item = figure.getByRole('listitem').filter({ hasText: held.guest });
  await expect(item).toContainText(`${held.door} since under a minute`);
  const exposedBefore = await exposedDoors(page);

  // The Hardware page's round: the door first among those waiting, with the ended code on it.
  await sections(page).getByRole('link', { name: 'Hardware' }).click();
  const pending = page.getByRole('region', { name: 'Doors pending programming' });
  const row = pending.getByRole('row').filter({ has: page.getByRole('rowheader', { name: held.door, exact: true }) });
  await expect(row).toContainText(/1 ended code since /);

  // Program it through the simulated key-programmer.
  const simulator = page.getByRole('region', { name: 'Simulator' });
  await simulator.getByRole('group', { name: programmerName }).getByRole('button', { name: 'Attach door…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Attach a simulated door' });
  await dialog.getByRole('combobox', { name: 'Door' }).fill(held.door.slice(0, -1));
  await page.getByRole('option', { name: held.door, exact: true }).click();
  await dialog.getByRole('button', { name: 'Attach door', exact: true }).click();
  await expect(dialog).toBeHidden();
  const card = page.getByRole('region', { name: programmerName });
  await expect(card.getByRole('group', { name: 'Door on the cable' })).toContainText(held.door);
  await card.getByRole('button', { name: 'Program door' }).click();
  await expect(card.getByRole('group', { name: 'Door on the cable' })).toContainText('In sync');
  await expect(pending.getByRole('rowheader', { name: held.door, exact: true })).toHaveCount(0);

  // The figure drops by that door; the guest's other doors (entrances, gates) still hold it.
  await expect.poll(() => exposedDoors(page)).toBeLessThan(exposedBefore);
  await figure.getByText(/still open/).click();
  await expect(figure.getByRole('listitem').filter({ hasText: held.guest })).not.toContainText(`${held.door} since`);

  // The activity log: when the door finally dropped the code.
  await sections(page).getByRole('link', { name: 'Activity' }).click();
  const log = page.getByRole('table', { name: 'Audit log, newest first' });
  await expect(log).toContainText(`${held.door} dropped ${held.guest}’s code, under a minute after it was revoked`);
  await expect(log.getByRole('row').filter({ hasText: `${held.door} dropped ${held.guest}’s code` })).toHaveCount(1);
});
