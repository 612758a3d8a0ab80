import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startBrowserHost, type BrowserHost } from '../../src/main/host/browser-host';
import { fillGuest, openGrantForm, openUnit } from './console-flow';

/*
 * A kiosk sees and changes only what a kiosk granted: the demo's grants (made by the office) are
 * counted in a unit's panel, never named, and absent from the Access page; the kiosk's own
 * delivery code is listed with Revoke, Edit dates and Resend.
 */

let host: BrowserHost;
let dataDir: string;
test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'porter-e2e-kiosk-grants-'));
  host = await startBrowserHost({ port: 0, rendererDir: path.resolve(__dirname, '../../out/renderer'), core: { dataDir, loadDemoWhenEmpty: true, kiosk: true } });
});
test.afterAll(async () => {
  await host.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('a kiosk sees its own grants only, with Revoke; the office’s are a count', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByRole('banner')).toContainText('Lobby kiosk');
  // A kiosk makes no bulk grants: the grid offers nothing to select for one.
  await expect(page.getByRole('grid', { name: 'Units' }).getByRole('checkbox')).toHaveCount(0);
  const { panel } = await openUnit(page, '104', 'Garden Court');

  await expect(panel).toContainText('1 credential on this unit was not granted at this kiosk: the leasing office can show and change it.');
  await expect(panel.getByRole('article', { name: 'Elena Patel' })).toHaveCount(0);
  await expect(panel).not.toContainText('555');

  const dialog = await openGrantForm(page, panel, '104');
  await dialog.getByRole('radio', { name: /^Delivery/ }).check();
  await fillGuest(dialog, 'Kim Courier', '312-555-0177');
  await dialog.getByRole('button', { name: 'Grant access' }).click();
  await expect(dialog).toBeHidden();
  const own = panel.getByRole('article', { name: 'Kim Courier' });
  await expect(own.getByRole('button', { name: /^Revoke/ })).toBeVisible();
  await expect(panel).toContainText('1 other credential on this unit was not granted at this kiosk');

  await page.getByRole('navigation').getByRole('link', { name: 'Access' }).click();
  const table = page.getByRole('table');
  await expect(table.getByRole('rowheader')).toHaveCount(1);
  await expect(table.getByRole('rowheader')).toContainText('Kim Courier');
});
