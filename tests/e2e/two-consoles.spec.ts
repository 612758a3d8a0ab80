import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openCloudStore } from '../../src/cloud/open-cloud-store';
import { startCloudServer, type CloudServer } from '../../src/cloud/server';
import type { CloudStore } from '../../src/cloud/store/cloud-store';
import { FileTextProvider } from '../../src/cloud/texts/file-text-provider';
import { startBrowserHost, type BrowserHost } from '../../src/main/host/browser-host';
import type { SecretStore } from '../../src/main/secrets/secret-store';
import { fillGuest, openGrantForm, openUnit } from './console-flow';

/*
 * Two consoles (two browser hosts, each its own core and store) and one cloud, driven as staff
 * would: each is paired from its status bar; a grant made by someone who signed in before the
 * pairing waits until they sign in while the cloud is reachable, then appears on the other;
 * with the cloud stopped a grant waits on its console and arrives once the cloud is back.
 */

const rendererDir = path.resolve(__dirname, '../../out/renderer');
const tempDir = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

function memorySecrets(): SecretStore {
  const entries = new Map<string, string>();
  return { get: async (a) => entries.get(a) ?? null, set: async (a, s) => void entries.set(a, s), delete: async (a) => entries.delete(a) };
}

interface Cloud {
  store: CloudStore;
  server: CloudServer;
}

async function startCloud(dataDir: string, port = 0): Promise<Cloud> {
  const store = await openCloudStore({ dataDir, communityFile: path.resolve('resources/demo/community.json') });
  const server = await startCloudServer({ store, port, texts: new FileTextProvider(path.join(dataDir, 'texts.jsonl')) });
  return { store, server };
}

async function stopCloud(cloud: Cloud): Promise<void> {
  await cloud.server.close();
  await cloud.store.close();
}

async function startConsole(): Promise<{ host: BrowserHost; dataDir: string }> {
  const dataDir = tempDir('porter-e2e-sync-');
  const host = await startBrowserHost({
    port: 0,
    rendererDir,
    core: { dataDir, loadDemoWhenEmpty: true, operator: { id: 'avery', name: 'Avery Brooks', role: 'admin' }, secrets: memorySecrets() },
  });
  return { host, dataDir };
}

const syncBar = (page: Page) => page.getByRole('status', { name: 'Cloud sync' });

async function pair(page: Page, cloud: Cloud, name: string): Promise<void> {
  const { code } = await cloud.store.forCommunity('riverside-commons').createPairingCode(name);
  await syncBar(page).getByRole('button', { name: 'Set up cloud sync…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Set up cloud sync' });
  await dialog.getByLabel('Cloud address (URL)').fill(cloud.server.url);
  await dialog.getByLabel('Pairing code').fill(code);
  await dialog.getByLabel('This console’s name').fill(name);
  await dialog.getByRole('button', { name: 'Pair console' }).click();
  await expect(dialog).toBeHidden();
  await expect(syncBar(page)).toContainText('Online');
}

/** Signs out and in again as Avery: with the cloud reachable, the cloud checks the passcode and gives Avery's key. */
async function signInAgain(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  const staff = page.getByRole('listbox', { name: 'Who is signing in?' });
  await staff.getByRole('option', { name: 'Avery Brooks' }).click();
  await page.getByLabel('Passcode', { exact: true }).fill('1357');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('group', { name: 'Signed in' })).toContainText('Avery Brooks');
}

async function grantPin(page: Page, number: string, building: string, guest: string): Promise<void> {
  const { panel } = await openUnit(page, number, building);
  const dialog = await openGrantForm(page, panel, number);
  await dialog.getByRole('radio', { name: /^PIN code/ }).check();
  await fillGuest(dialog, guest, '312-555-0142');
  await dialog.getByRole('button', { name: 'Grant access' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByRole('article', { name: guest })).toBeVisible();
}

test('a grant on one console appears on the other; made while the cloud is down, it arrives once the cloud is back', async ({ browser }) => {
  const cloudDir = tempDir('porter-e2e-cloud-');
  let cloud = await startCloud(cloudDir);
  const port = Number(new URL(cloud.server.url).port);
  const front = await startConsole();
  const back = await startConsole();
  const frontPage = await browser.newPage();
  const backPage = await browser.newPage();
  try {
    await frontPage.goto(front.host.url);
    await backPage.goto(back.host.url);
    await pair(frontPage, cloud, 'Front desk');
    await pair(backPage, cloud, 'Back office');

    // Avery was signed in before the console was paired: the cloud has no proof it is Avery yet.
    await grantPin(frontPage, '101', 'South Tower', 'Rosa Delgado');
    await expect(syncBar(frontPage)).toContainText('1 change waits for Avery Brooks to sign in while the cloud is reachable');
    await signInAgain(frontPage);
    await expect(syncBar(frontPage)).not.toContainText('waits for');
    // The back office hears of it through the cloud within a round or two, without a reload.
    const { panel } = await openUnit(backPage, '101', 'South Tower');
    await expect(panel.getByRole('article', { name: 'Rosa Delgado' })).toBeVisible();

    await stopCloud(cloud);
    await grantPin(frontPage, '102', 'South Tower', 'Omar Haddad');
    await expect(syncBar(frontPage)).toContainText('1 change waiting');
    await expect(syncBar(frontPage)).toContainText('reconnecting…');

    cloud = await startCloud(cloudDir, port);
    await expect(syncBar(frontPage)).toContainText('Online');
    const second = await openUnit(backPage, '102', 'South Tower');
    await expect(second.panel.getByRole('article', { name: 'Omar Haddad' })).toBeVisible();
  } finally {
    await Promise.all([frontPage.close(), backPage.close()]);
    await Promise.all([front.host.close(), back.host.close()]);
    await stopCloud(cloud).catch(() => undefined);
    for (const dir of [front.dataDir, back.dataDir, cloudDir]) fs.rmSync(dir, { recursive: true, force: true });
  }
});
