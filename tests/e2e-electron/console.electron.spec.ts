import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron, expect, test as base, type ElectronApplication, type Page } from '@playwright/test';
import { grantSeeAndRevokePin } from '../e2e/console-flow';
import { findElectronBinary } from './electron-binary';

/**
 * The built Electron app (out/, `npm run build`), driven as staff would: the same flow as
 * tests/e2e/console.spec.ts, but through the preload and the IPC carrier instead of the
 * browser host. Skipped, with the reason, where the Electron binary is absent.
 */
const root = path.resolve(__dirname, '../..');
const electron = findElectronBinary(root);

type Fixtures = { electronApp: ElectronApplication; consoleWindow: Page };

const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  electronApp: async ({}, use) => {
    assertBuilt();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'porter-e2e-electron-'));
    const env = { ...process.env, PORTER_DATA_DIR: dataDir } as Record<string, string>;
    delete env.ELECTRON_RENDERER_URL; // the built page, never a dev server
    delete env.ELECTRON_RUN_AS_NODE;
    const app = await _electron.launch({
      executablePath: electron.found ? electron.executablePath : undefined,
      // Chromium refuses to start as root (CI) without --no-sandbox.
      args: ['.', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      cwd: root,
      env,
    });
    await use(app);
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
  consoleWindow: async ({ electronApp }, use) => {
    const window = await electronApp.firstWindow();
    await expect(window.getByRole('navigation')).toBeVisible();
    await use(window);
  },
});

function assertBuilt(): void {
  if (!fs.existsSync(path.join(root, 'out/main/electron-main.js')) || !fs.existsSync(path.join(root, 'out/preload/index.cjs')))
    throw new Error('out/ is missing: run `npm run build` before the Electron end-to-end test.');
  const version = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
  if (!fs.existsSync(path.join(root, '.native', `electron-${version}`, 'better_sqlite3.node')))
    throw new Error('No Electron build of better-sqlite3: run `node scripts/native-abi.mjs electron` first.');
}

test.skip(!electron.found, `Electron binary absent: ${electron.found ? '' : electron.reason}`);

test('grant a permanent PIN code to a guest, see it, then revoke it', async ({ consoleWindow }) => {
  await grantSeeAndRevokePin(consoleWindow);
});

test('the page is hardened: no Node, no new windows, only window.porter', async ({ electronApp, consoleWindow: page }) => {
  const seen = await page.evaluate(() => {
    const scope = globalThis as unknown as Record<string, unknown>;
    return {
      require: typeof scope.require,
      process: typeof scope.process,
      porter: Object.keys((scope.porter as object | undefined) ?? {}).sort(),
      opened: (globalThis as unknown as { open(url: string): unknown }).open('https://example.com/') !== null,
    };
  });
  expect(seen).toEqual({ require: 'undefined', process: 'undefined', porter: ['invoke', 'on'], opened: false });
  expect(electronApp.windows()).toHaveLength(1);
  // Served from Porter's own scheme with the policy as a header, never from file://.
  expect(page.url()).toMatch(/^porter:\/\/app\//);
  const answer = await page.evaluate(async () => {
    const response = await fetch('/index.html');
    return { csp: response.headers.get('content-security-policy'), nosniff: response.headers.get('x-content-type-options') };
  });
  expect(answer).toEqual({ csp: expect.stringContaining("default-src 'self'"), nosniff: 'nosniff' });
});
