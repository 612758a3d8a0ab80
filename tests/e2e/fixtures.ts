import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import type { StaffMember } from '../../src/shared/domain';
import { trainingHardware } from '../../simulators/training/training-hardware';
import { createCore } from '../../src/main/core';
import { openDatabase } from '../../src/main/store/database';
import { startBrowserHost, type BrowserHost } from '../../src/main/host/browser-host';
import { storeSeeds, type StoreSeed } from './store-seeds';

const rendererDir = path.resolve(__dirname, '../../out/renderer');

/**
 * `operator`: who every window starts signed in as; `test.use({ operator: null })` starts signed out.
 * `seedStore`: a state from store-seeds.ts written to the demo store before the host opens it.
 * `hardware`: 'training' (the default: simulated doors, the banner) or 'real' (nothing plugged in here).
 * Training is passed in as its provider: Playwright's loader cannot follow the hosts' dynamic import.
 */
type WorkerFixtures = { host: BrowserHost; dataDir: string; operator: StaffMember | null; seedStore: StoreSeed | null; hardware: 'training' | 'real' };
type TestFixtures = { openConsole: (page?: Page) => Promise<Page> };

/**
 * Each Playwright worker runs its own browser host (the real core, the built renderer) on a
 * fresh data folder holding the demo community, in training mode unless a spec asks for real hardware; `openConsole` opens it as staff would.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  operator: [{ id: 'avery', name: 'Avery Brooks', role: 'admin' }, { scope: 'worker', option: true }],
  seedStore: [null, { scope: 'worker', option: true }],
  hardware: ['training', { scope: 'worker', option: true }],
  /** The host's data folder: where a spec finds what the outside world would hold (a guest's texted code). */
  dataDir: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from its first argument.
    async ({}, use) => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'porter-e2e-'));
      await use(dataDir);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  host: [
    async ({ operator, seedStore, hardware, dataDir }, use) => {
      if (!fs.existsSync(path.join(rendererDir, 'index.html')))
        throw new Error('out/renderer is missing: run `npm run build` before the end-to-end tests.');
      if (seedStore) {
        await createCore({ dataDir, loadDemoWhenEmpty: true }).close();
        const db = openDatabase({ dataDir });
        storeSeeds[seedStore](db);
        db.close();
      }
      const host = await startBrowserHost({
        port: 0,
        rendererDir,
        core: { dataDir, loadDemoWhenEmpty: true, operator: operator ?? undefined, hardware: hardware === 'training' ? trainingHardware : 'real' },
      });
      await use(host);
      await host.close();
    },
    { scope: 'worker' },
  ],
  openConsole: async ({ page, host }, use) => {
    await use(async (target = page) => {
      await target.goto(host.url);
      await expect(target.getByRole('navigation').or(target.getByRole('heading', { name: 'Sign in' }))).toBeVisible();
      return target;
    });
  },
});

export { expect };
