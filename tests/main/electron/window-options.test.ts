import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { devServerPage, schemePage } from '../../../src/main/electron/app-page';
import { appPaths } from '../../../src/main/electron/app-paths';
import { createMainWindow, loadAppPage } from '../../../src/main/electron/main-window';
import { devToolsAllowed, hardenedWindowOptions } from '../../../src/main/electron/window-options';
import { BrowserWindow, resetElectronMock } from '../../mocks/electron';

beforeEach(resetElectronMock);

describe('hardened window options', () => {
  const options = hardenedWindowOptions({ preloadPath: '/app/out/preload/index.cjs', devTools: false });

  it('isolate the page from Node and from the preload', () => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/out/preload/index.cjs',
    });
  });

  it('carry the devtools switch they are given', () => {
    expect(options.webPreferences?.devTools).toBe(false);
    expect(hardenedWindowOptions({ preloadPath: 'p', devTools: true }).webPreferences?.devTools).toBe(true);
  });
});

describe('devtools', () => {
  it('are off when packaged or in kiosk mode, on only for developers running from source', () => {
    expect(devToolsAllowed({ isPackaged: true, kiosk: false })).toBe(false);
    expect(devToolsAllowed({ isPackaged: false, kiosk: true })).toBe(false);
    expect(devToolsAllowed({ isPackaged: true, kiosk: true })).toBe(false);
    expect(devToolsAllowed({ isPackaged: false, kiosk: false })).toBe(true);
  });
});

describe('app paths', () => {
  it('put the CommonJS preload and the renderer beside the main bundle', () => {
    const paths = appPaths(path.resolve('/app/out/main'));
    expect(paths.preload).toBe(path.resolve('/app/out/preload/index.cjs'));
    expect(paths.rendererDir).toBe(path.resolve('/app/out/renderer'));
  });
});

describe('the main window', () => {
  it('is built from the hardened options and shown once ready', () => {
    createMainWindow({ preloadPath: '/app/out/preload/index.cjs', devTools: false });
    const window = BrowserWindow.instances[0]!;
    expect(window.options).toEqual(hardenedWindowOptions({ preloadPath: '/app/out/preload/index.cjs', devTools: false }));
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });

  it('loads porter://app in production, never a file:// URL, and the dev server in development', async () => {
    const window = createMainWindow({ preloadPath: 'p', devTools: false });
    await loadAppPage(window, schemePage(path.resolve('/app/out/renderer')));
    expect(BrowserWindow.instances[0]!.loadURL).toHaveBeenCalledWith('porter://app/index.html');
    expect(BrowserWindow.instances[0]!.loadFile).not.toHaveBeenCalled();

    await loadAppPage(window, devServerPage('http://localhost:5173'));
    expect(BrowserWindow.instances[0]!.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
  });
});
