import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Core, CoreOptions } from '../../../src/main/core-types';
import { isKioskEscapeShortcut, kioskFrom } from '../../../src/main/electron/kiosk-lock';
import { startPorter } from '../../../src/main/electron/start';
import { BrowserWindow, fakeEvent, resetElectronMock } from '../../mocks/electron';

const key = (key: string, mods: Partial<{ control: boolean; meta: boolean; shift: boolean; alt: boolean }> = {}) => ({
  type: 'keyDown' as const,
  key,
  control: false,
  meta: false,
  shift: false,
  alt: false,
  ...mods,
});

describe('kiosk mode', () => {
  let dataDir: string;
  beforeEach(() => {
    resetElectronMock();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'porter-kiosk-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('is asked for with --kiosk or PORTER_KIOSK=1', () => {
    expect(kioskFrom(['electron', '.', '--kiosk'], {})).toBe(true);
    expect(kioskFrom(['electron', '.'], { PORTER_KIOSK: '1' })).toBe(true);
    expect(kioskFrom(['electron', '.'], {})).toBe(false);
  });

  it('blocks reloading, zooming, closing and going back, but not typing', () => {
    for (const escape of [key('F5'), key('r', { control: true }), key('R', { meta: true, shift: true }), key('w', { control: true }), key('=', { control: true }), key('ArrowLeft', { alt: true }), key('F4', { alt: true }), key('F11')])
      expect(isKioskEscapeShortcut(escape), JSON.stringify(escape)).toBe(true);
    for (const typing of [key('r'), key('5'), key('R', { shift: true }), key('Enter'), key('ArrowLeft')])
      expect(isKioskEscapeShortcut(typing), JSON.stringify(typing)).toBe(false);
  });

  it('opens a full-screen kiosk window without devtools and a core signed in as the kiosk for good', async () => {
    const core = { dispatch: vi.fn(), connect: vi.fn(), onEvent: vi.fn(() => () => undefined), close: vi.fn() } as unknown as Core;
    const createCore = vi.fn((_options: CoreOptions) => core);
    await startPorter({ createCore, mainDir: path.resolve('/app/out/main'), env: { PORTER_DATA_DIR: dataDir }, argv: ['electron', '.', '--kiosk'] });
    expect(createCore.mock.calls[0]![0]).toMatchObject({ kiosk: true });
    const window = BrowserWindow.instances.at(-1)!;
    expect(window.options).toMatchObject({ kiosk: true, fullscreen: true, closable: false });
    expect((window.options.webPreferences as { devTools: boolean }).devTools).toBe(false);
    // The reload shortcut is swallowed before the page sees it.
    const event = fakeEvent();
    window.webContents.emit('before-input-event', event, key('r', { control: true }));
    expect(event.preventDefault).toHaveBeenCalled();
    // Devtools never open on a kiosk, even run from source: the shortcut is swallowed, and they close if opened.
    const f12 = fakeEvent();
    window.webContents.emit('before-input-event', f12, key('F12'));
    expect(f12.defaultPrevented).toBe(true);
    window.webContents.openDevTools();
    expect(window.webContents.isDevToolsOpened()).toBe(false);
  });
});
