import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startBrowserHost, type BrowserHost } from '../../src/main/host/browser-host';
import { openGrantForm, openUnit } from './console-flow';

/*
 * An office kiosk: signed in as the kiosk for good, and back at its start screen once a
 * visitor walks away. The idle time is the core's setting, five seconds here.
 */

let host: BrowserHost;
let dataDir: string;
test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'porter-e2e-kiosk-'));
  host = await startBrowserHost({
    port: 0,
    rendererDir: path.resolve(__dirname, '../../out/renderer'),
    core: { dataDir, loadDemoWhenEmpty: true, kiosk: true, kioskIdleSeconds: 5 },
  });
});
test.afterAll(async () => {
  await host.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('a kiosk left alone returns to its start screen, closing what the last visitor opened', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByRole('banner')).toContainText('Lobby kiosk');
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);

  const { panel } = await openUnit(page, '101', 'South Tower');
  const dialog = await openGrantForm(page, panel, '101');
  await dialog.getByRole('textbox', { name: /name$/ }).fill('Half-typed visitor');

  // Nobody touches it: the dialog, the unit and the search go; the Units page stays.
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('');
  await expect(page.getByRole('complementary', { name: 'South Tower 101' })).toHaveCount(0);
  await expect(page.getByRole('grid', { name: 'Units' })).toBeVisible();
});
