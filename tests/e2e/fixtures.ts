import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { startBrowserHost, type BrowserHost } from '../../src/main/host/browser-host';

const rendererDir = path.resolve(__dirname, '../../out/renderer');

type WorkerFixtures = { host: BrowserHost };
type TestFixtures = { openConsole: (page?: Page) => Promise<Page> };

/**
 * Each Playwright worker runs its own browser host (the real core, the built renderer) on a
 * fresh data folder holding the demo community; `openConsole` opens it as staff would.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  host: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      if (!fs.existsSync(path.join(rendererDir, 'index.html')))
        throw new Error('out/renderer is missing: run `npm run build` before the end-to-end tests.');
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'porter-e2e-'));
      const host = await startBrowserHost({
        port: 0,
        rendererDir,
        core: { dataDir, loadDemoWhenEmpty: true, operator: { id: 'avery', name: 'Avery Brooks', role: 'admin' } },
      });
      await use(host);
      await host.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  openConsole: async ({ page, host }, use) => {
    await use(async (target = page) => {
      await target.goto(host.url);
      await expect(target.getByRole('navigation')).toBeVisible();
      return target;
    });
  },
});

export { expect };
