import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openCloudStore } from '../../src/cloud/open-cloud-store';
import { startCloudServer } from '../../src/cloud/server';
import { FileTextProvider } from '../../src/cloud/texts/file-text-provider';
import { startBrowserHost, type BrowserHost } from '../../src/main/host/browser-host';
import { memorySecretStore } from '../../src/main/secrets/memory-secret-store';
import { openDatabase } from '../../src/main/store/database';
import { cutShort, lastSeq } from '../helpers/audit-tamper';

/*
 * "Verify audit chain" on a log cut short behind the console's back, told in words: against
 * the cloud's anchor from the last sync round, and against an earlier export's closing line.
 * Each test runs its own console, since it tampers with the store.
 */

const rendererDir = path.resolve(__dirname, '../../out/renderer');
const tempDir = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));
const cleanup: (() => Promise<unknown> | void)[] = [];
test.afterEach(async () => {
  for (const undo of cleanup.splice(0).reverse()) await undo();
});

async function startConsole(): Promise<{ host: BrowserHost; dataDir: string }> {
  const dataDir = tempDir('porter-e2e-audit-');
  const host = await startBrowserHost({
    port: 0,
    rendererDir,
    core: { dataDir, loadDemoWhenEmpty: true, operator: { id: 'avery', name: 'Avery Brooks', role: 'admin' }, secrets: memorySecretStore() },
  });
  cleanup.push(() => fs.rmSync(dataDir, { recursive: true, force: true }), () => host.close());
  return { host, dataDir };
}

/** Deletes the newest entries, as someone with the store file would; answers where the log now ends. */
function cutLog(dataDir: string, count: number): number {
  const db = openDatabase({ dataDir });
  cutShort(db, count);
  const end = lastSeq(db);
  db.close();
  return end;
}

async function openActivity(page: Page, host: BrowserHost): Promise<void> {
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Activity' }).click();
  await expect(page.getByRole('heading', { name: 'Activity' })).toBeVisible();
}

const n = (seq: number) => seq.toLocaleString('en-US');

test('a log cut short after a sync round: the cloud’s anchor shows it', async ({ page }) => {
  const cloudDir = tempDir('porter-e2e-audit-cloud-');
  const store = await openCloudStore({ dataDir: cloudDir, communityFile: path.resolve('resources/demo/community.json') });
  const server = await startCloudServer({ store, texts: new FileTextProvider(path.join(cloudDir, 'texts.jsonl')) });
  cleanup.push(() => fs.rmSync(cloudDir, { recursive: true, force: true }), () => store.close(), () => server.close());
  const { host, dataDir } = await startConsole();
  const demo = store.forCommunity('riverside-commons');
  const { code } = await demo.createPairingCode('Front desk');
  expect(await host.core.dispatch('sync.setUp', { url: server.url, pairingCode: code, name: 'Front desk', kiosk: false })).toMatchObject({ ok: true });
  const anchored = await demo.latestAuditAnchor(consoleIdOf(dataDir));
  expect(anchored).not.toBeNull();

  const end = cutLog(dataDir, 17);
  await openActivity(page, host);
  await page.getByRole('button', { name: 'Verify audit chain' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The audit log has been altered.');
  await expect(alert).toContainText(`The log was cut short: the cloud holds entry ${n(anchored!.seq)}, this console’s log ends at ${n(end)}.`);
});

test('a log cut short after an export: the export’s closing line shows it', async ({ page }) => {
  const { host, dataDir } = await startConsole();
  await openActivity(page, host);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await (await download).path();
  const csv = fs.readFileSync(file, 'utf8');
  const held = Number(/^chain head,(\d+),/m.exec(csv)![1]);

  // Compared before anything changed, the export agrees.
  await page.locator('input[type=file]').setInputFiles(file);
  await expect(page.getByRole('status').filter({ hasText: 'Audit chain intact' })).toContainText(`Checked against the export’s closing line (entry ${n(held)}).`);

  const end = cutLog(dataDir, 5);
  await page.locator('input[type=file]').setInputFiles(file);
  await expect(page.getByRole('alert')).toContainText(`The log was cut short: the export holds entry ${n(held)}, this console’s log ends at ${n(end)}.`);
});

/** The console id the pairing saved. */
function consoleIdOf(dataDir: string): string {
  const db = openDatabase({ dataDir });
  const id = db.prepare("SELECT value FROM settings WHERE key = 'sync.console_id'").pluck().get() as string;
  db.close();
  return id;
}
