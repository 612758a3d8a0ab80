import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Signed in as Avery Brooks (admin), the fixture's default. */
async function openActivity(page: Page) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Activity' }).click();
  await expect(page.getByRole('heading', { name: 'Activity' })).toBeVisible();
  const log = page.getByRole('table', { name: 'Audit log, newest first' });
  await expect(log.getByRole('row').nth(1)).toBeVisible();
  return log;
}

test('filter the log by action', async ({ page, openConsole }) => {
  await openConsole(page);
  const log = await openActivity(page);
  await expect(log).toContainText('Access granted');

  await page.getByRole('button', { name: /Action$/ }).click();
  await page.getByRole('option', { name: 'Community loaded' }).click();

  const rows = log.getByRole('row');
  await expect(rows).toHaveCount(2); // the header and the one import
  await expect(rows.nth(1)).toContainText('Community loaded');
  await expect(log).not.toContainText('Access granted');

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(log).toContainText('Access granted');
});

test('verify the audit chain: intact', async ({ page, openConsole }) => {
  await openConsole(page);
  await openActivity(page);
  await page.getByRole('button', { name: 'Verify audit chain' }).click();
  const status = page.getByRole('status').filter({ hasText: 'Audit chain intact' });
  await expect(status).toBeVisible();
  await expect(status).toContainText(/\d[\d,]* entries checked/);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('export the log as a CSV file', async ({ page, openConsole }) => {
  await openConsole(page);
  await openActivity(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^porter-activity-riverside-commons-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync(await file.path(), 'utf8');
  expect(csv.split(/\r?\n/)[0]).toMatch(/^seq,at_utc,at_local \(.+\),actor,action,unit,doors,summary$/);
  await expect(page.getByRole('status').filter({ hasText: /^Exported \d/ })).toBeVisible();
});
