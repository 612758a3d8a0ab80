import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../../src/shared/envelope';
import { invokeChannel } from '../../../src/shared/wire';
import type { Core, CoreOptions } from '../../../src/main/core-types';
import { electronSqliteBinding } from '../../../src/main/electron/app-paths';
import { demoScaleFrom, runPorter, startPorter } from '../../../src/main/electron/start';
import { app, BrowserWindow, dialog, fakeEvent, ipcMain, resetElectronMock, session } from '../../mocks/electron';

const mainDir = path.resolve('/app/out/main');
const appUrl = 'porter://app/index.html';
const answer: Envelope<unknown> = { ok: true, value: 'pong' };

let dataDir: string;

function fakeCreateCore() {
  const dispatch = vi.fn(async (): Promise<Envelope<unknown>> => answer);
  const core = {
    dispatch,
    connect: vi.fn(() => ({ dispatch, close: vi.fn() })),
    onEvent: vi.fn(() => () => undefined),
    close: vi.fn(async () => undefined),
  } satisfies Core;
  return { core, createCore: vi.fn((_options: CoreOptions): Core => core) };
}

beforeEach(() => {
  resetElectronMock();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'porter-start-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('starting Porter', () => {
  it('on a fresh data folder opens the demo in training, in a folder of its own, staff signing in on the window', async () => {
    const { createCore } = fakeCreateCore();
    await startPorter({ createCore, mainDir, env: { PORTER_DATA_DIR: dataDir } });
    expect(createCore).toHaveBeenCalledOnce();
    const options = createCore.mock.calls[0]![0];
    expect(options).toMatchObject({ dataDir: path.join(dataDir, 'training'), host: 'electron', hardware: 'training', loadDemoWhenEmpty: true });
    expect(options.operator).toBeUndefined();
    // Not running inside Electron here: no Electron-ABI binding to hand over.
    expect(options.sqliteNativeBinding).toBeUndefined();
    // Its own data dir means its own Chromium profile and its own single-instance lock.
    expect(app.setPath).toHaveBeenCalledWith('userData', path.join(dataDir, 'electron-profile'));
  });

  it('opens the real console, with real hardware and no demo, on a folder that holds a store', async () => {
    fs.writeFileSync(path.join(dataDir, 'porter.sqlite'), '');
    const { createCore } = fakeCreateCore();
    await startPorter({ createCore, mainDir, env: { PORTER_DATA_DIR: dataDir } });
    expect(createCore.mock.calls[0]![0]).toMatchObject({ dataDir, hardware: 'real', loadDemoWhenEmpty: false });
  });

  it('--training opens training on its own folder even beside a real store; --community sets up the real console', async () => {
    fs.writeFileSync(path.join(dataDir, 'porter.sqlite'), '');
    const training = fakeCreateCore();
    await startPorter({ createCore: training.createCore, mainDir, env: { PORTER_DATA_DIR: dataDir }, argv: ['electron', '.', '--training'] });
    expect(training.createCore.mock.calls[0]![0]).toMatchObject({ dataDir: path.join(dataDir, 'training'), hardware: 'training' });

    resetElectronMock();
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'porter-start-'));
    const real = fakeCreateCore();
    await startPorter({ createCore: real.createCore, mainDir, env: { PORTER_DATA_DIR: fresh }, argv: ['electron', '.', '--community', 'files/community.json'] });
    expect(real.createCore.mock.calls[0]![0]).toMatchObject({ dataDir: fresh, hardware: 'real', loadDemoWhenEmpty: false, communityFile: path.resolve('files/community.json') });
    fs.rmSync(fresh, { recursive: true, force: true });
  });

  it("falls back to Electron's userData folder", async () => {
    const { createCore } = fakeCreateCore();
    app.paths.set('userData', '/home/office/.config/Porter');
    await startPorter({ createCore, mainDir, env: {} });
    expect(createCore.mock.calls[0]![0].dataDir).toBe('/home/office/.config/Porter/training');
    expect(app.setPath).not.toHaveBeenCalled();
  });

  it('hardens everything before the first window and loads the built page', async () => {
    const { createCore } = fakeCreateCore();
    const order: string[] = [];
    app.whenReady.mockImplementation(async () => {
      order.push('ready');
      app.ready = true;
    });
    const started = await startPorter({ createCore, mainDir, env: { PORTER_DATA_DIR: dataDir } });

    expect(app.requestSingleInstanceLock).toHaveBeenCalledOnce();
    expect(app.enableSandbox).toHaveBeenCalledOnce();
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(session.defaultSession.webRequest.onHeadersReceived).toHaveBeenCalled();
    expect(order).toEqual(['ready']);

    expect(BrowserWindow.instances).toHaveLength(1);
    const window = BrowserWindow.instances[0]!;
    expect(started?.window).toBe(window);
    expect(window.options).toMatchObject({
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, preload: path.resolve('/app/out/preload/index.cjs') },
    });
    expect(window.loadURL).toHaveBeenCalledWith(appUrl);
    expect(window.loadFile).not.toHaveBeenCalled();
    expect(window.webContents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('serves calls from its window to the core, and refuses a stranger', async () => {
    const { core, createCore } = fakeCreateCore();
    await startPorter({ createCore, mainDir, env: { PORTER_DATA_DIR: dataDir } });
    const window = BrowserWindow.instances[0]!;
    expect(window.webContents.getURL()).toBe(appUrl);

    const own = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    await expect(ipcMain.invoke(invokeChannel, own, 'session.get', {})).resolves.toEqual(answer);
    expect(core.dispatch).toHaveBeenCalledExactlyOnceWith('session.get', {});

    const stranger = new BrowserWindow().webContents;
    await stranger.loadURL(appUrl);
    const refused = await ipcMain.invoke(invokeChannel, { sender: stranger, senderFrame: stranger.mainFrame }, 'session.get', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });
    expect(core.dispatch).toHaveBeenCalledOnce();
  });

  it('closes the core and unbinds the carrier on quit', async () => {
    const { core, createCore } = fakeCreateCore();
    await startPorter({ createCore, mainDir, env: { PORTER_DATA_DIR: dataDir } });
    expect(core.close).not.toHaveBeenCalled();
    const quitting = fakeEvent();
    app.emit('will-quit', quitting);
    // Quitting waits for the core to close in order, then quits again.
    expect(quitting.preventDefault).toHaveBeenCalled();
    expect(core.close).toHaveBeenCalledOnce();
    expect(ipcMain.handlers.has(invokeChannel)).toBe(false);
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    app.emit('will-quit', fakeEvent());
    expect(core.close).toHaveBeenCalledOnce();
  });

  it('quits when every window is closed', async () => {
    const { createCore } = fakeCreateCore();
    await startPorter({ createCore, mainDir, env: { PORTER_DATA_DIR: dataDir } });
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalled();
  });

  it('as a second instance, quits at once: no core, no window', async () => {
    const { createCore } = fakeCreateCore();
    app.requestSingleInstanceLock.mockReturnValue(false);
    await expect(startPorter({ createCore, mainDir, env: { PORTER_DATA_DIR: dataDir } })).resolves.toBeUndefined();
    expect(app.quit).toHaveBeenCalledOnce();
    expect(createCore).not.toHaveBeenCalled();
    expect(BrowserWindow.instances).toHaveLength(0);
    expect(app.whenReady).not.toHaveBeenCalled();
  });

  it('brings its window forward when a second instance starts', async () => {
    const { createCore } = fakeCreateCore();
    await startPorter({ createCore, mainDir, env: { PORTER_DATA_DIR: dataDir } });
    app.emit('second-instance', fakeEvent(), [], '/');
    expect(BrowserWindow.instances[0]!.focus).toHaveBeenCalled();
  });
});

describe('devtools and the dev server', () => {
  it('packaged: devtools off and locked, ELECTRON_RENDERER_URL ignored', async () => {
    const { createCore } = fakeCreateCore();
    app.isPackaged = true;
    await startPorter({ createCore, mainDir, env: { PORTER_DATA_DIR: dataDir, ELECTRON_RENDERER_URL: 'http://localhost:5173' } });
    const window = BrowserWindow.instances[0]!;
    expect(window.options).toMatchObject({ webPreferences: { devTools: false } });
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith(appUrl);
    const f12 = fakeEvent();
    window.webContents.emit('before-input-event', f12, { type: 'keyDown', key: 'F12', control: false, meta: false, shift: false, alt: false });
    expect(f12.defaultPrevented).toBe(true);
  });

  it('packaged: refuses to start with a remote debugging port or pipe, before any window or core', async () => {
    for (const debugSwitch of ['remote-debugging-port', 'remote-debugging-pipe']) {
      resetElectronMock();
      const { createCore } = fakeCreateCore();
      app.isPackaged = true;
      app.commandLine.hasSwitch.mockImplementation((name: string) => name === debugSwitch);
      await expect(startPorter({ createCore, mainDir, env: { PORTER_DATA_DIR: dataDir } })).rejects.toThrow(`--${debugSwitch}`);
      expect(createCore).not.toHaveBeenCalled();
      expect(BrowserWindow.instances).toHaveLength(0);
    }
  });

  it('from source: a remote debugging port is the developer’s business', async () => {
    const { createCore } = fakeCreateCore();
    app.commandLine.hasSwitch.mockImplementation((name: string) => name === 'remote-debugging-port');
    await expect(startPorter({ createCore, mainDir, env: { PORTER_DATA_DIR: dataDir } })).resolves.toBeDefined();
  });

  it('from source: devtools on, the dev server page loaded and trusted', async () => {
    const { core, createCore } = fakeCreateCore();
    await startPorter({ createCore, mainDir, env: { PORTER_DATA_DIR: dataDir, ELECTRON_RENDERER_URL: 'http://localhost:5173' } });
    const window = BrowserWindow.instances[0]!;
    expect(window.options).toMatchObject({ webPreferences: { devTools: true } });
    expect(window.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
    const own = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    await expect(ipcMain.invoke(invokeChannel, own, 'session.get', {})).resolves.toEqual(answer);
    expect(core.dispatch).toHaveBeenCalledOnce();
  });
});

describe('a failure to start', () => {
  it('is shown to the person at the console, and the app exits non-zero', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    runPorter({
      mainDir,
      env: { PORTER_DATA_DIR: dataDir },
      createCore: () => {
        throw new Error('The module was compiled against a different Node.js version');
      },
    });
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(1));
    expect(dialog.showErrorBox).toHaveBeenCalledWith('Porter could not start', expect.stringContaining('different Node.js version'));
  });
});

describe('the Electron-ABI SQLite binding', () => {
  let root: string;
  const binding = () => path.join(root, '.native', 'electron-45.5.0', 'better_sqlite3.node');
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'porter-root-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('from source, is .native/electron-<version>/better_sqlite3.node under the app root, when it exists', () => {
    const fromSource = (electronVersion: string | undefined) => electronSqliteBinding({ isPackaged: false, appRoot: root, electronVersion });
    expect(fromSource('45.5.0')).toBeUndefined();
    fs.mkdirSync(path.dirname(binding()), { recursive: true });
    fs.writeFileSync(binding(), '');
    expect(fromSource('45.5.0')).toBe(binding());
    expect(fromSource('46.0.0')).toBeUndefined();
    expect(fromSource(undefined)).toBeUndefined();
  });

  it('packaged, is never looked for: the app loads the module electron-builder rebuilt, even with a .native/ beside it', () => {
    fs.mkdirSync(path.dirname(binding()), { recursive: true });
    fs.writeFileSync(binding(), '');
    expect(electronSqliteBinding({ isPackaged: true, appRoot: root, electronVersion: '45.5.0' })).toBeUndefined();
  });
});

describe('--demo-scale', () => {
  it('reads the number of units in either spelling, and refuses nonsense', () => {
    expect(demoScaleFrom(['electron', '.'])).toBeUndefined();
    expect(demoScaleFrom(['electron', '.', '--demo-scale', '10000'])).toBe(10_000);
    expect(demoScaleFrom(['electron', '.', '--demo-scale=500'])).toBe(500);
    expect(() => demoScaleFrom(['electron', '.', '--demo-scale', 'lots'])).toThrow('--demo-scale must be a number of units');
  });

  it('opens the generated community in its own folder', async () => {
    const { createCore } = fakeCreateCore();
    await startPorter({ createCore, mainDir, env: {}, argv: ['electron', '.', '--demo-scale', '10000'] });
    expect(createCore.mock.calls[0]![0]).toMatchObject({ demoScale: 10_000, dataDir: expect.stringMatching(/scale-10000$/) });
  });
});
