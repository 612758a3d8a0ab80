import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the real renderer and core. `e2e`: the browser host in Debian's
 * Chromium (each worker starts its own host on a fresh data folder, see tests/e2e/fixtures.ts).
 * `electron`: the built app through Playwright's Electron support, skipped where the Electron
 * binary is absent. Both need `npm run build` first (`npm test` does it).
 */
export default defineConfig({
  testDir: 'tests',
  outputDir: 'test-results/playwright',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Generous bounds, not speed checks: this 2-core machine is noisy. Speed is `npm run bench`.
  timeout: 5 * 60_000,
  expect: { timeout: 30_000 },
  globalTimeout: 45 * 60_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    actionTimeout: 60_000,
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'e2e',
      testDir: 'tests/e2e',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: process.env.PORTER_CHROMIUM ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
    { name: 'electron', testDir: 'tests/e2e-electron' },
  ],
});
