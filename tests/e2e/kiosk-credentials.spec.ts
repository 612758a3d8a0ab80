import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startBrowserHost, type BrowserHost } from '../../src/main/host/browser-host';
import { fillGuest, openGrantForm, openUnit } from './console-flow';

/*
 * A kiosk changes only what a kiosk granted: the demo's grants (made by the office) show who
 * granted them and who can change them, without Revoke, Edit dates or Resend; the kiosk's own
 * delivery code offers them.
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

test('a kiosk is offered Revoke, Edit dates and Resend on its own grant only', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByRole('banner')).toContainText('Lobby kiosk');
  const { panel } = await openUnit(page, '104', 'Garden Court');

  const officeGrant = panel.getByRole('article', { name: 'Elena Patel' });
  await expect(officeGrant).toContainText('Granted by Demo data (Admin), not a kiosk: the leasing office can change it.');
  for (const action of [/^Revoke/, /^Edit dates/, /^Resend/, /^Text again/])
    await expect(officeGrant.getByRole('button', { name: action })).toHaveCount(0);

  const dialog = await openGrantForm(page, panel, '104');
  await dialog.getByRole('radio', { name: /^Delivery/ }).check();
  await fillGuest(dialog, 'Kim Courier', '312-555-0177');
  await dialog.getByRole('button', { name: 'Grant access' }).click();
  await expect(dialog).toBeHidden();
  const own = panel.getByRole('article', { name: 'Kim Courier' });
  await expect(own.getByRole('button', { name: /^Revoke/ })).toBeVisible();
  await expect(own).not.toContainText('the leasing office can change it');
});
