import { BrowserWindow } from 'electron';
import type { AppPage } from './app-page';
import { hardenedWindowOptions } from './window-options';

/** The console window, hardened, shown once its first paint is ready. */
export function createMainWindow(options: { preloadPath: string; devTools: boolean; kiosk?: boolean }): BrowserWindow {
  const window = new BrowserWindow(hardenedWindowOptions(options));
  window.once('ready-to-show', () => window.show());
  return window;
}

/** Loads the app page: the dev server in development, the built file otherwise. */
export function loadAppPage(window: BrowserWindow, page: AppPage): Promise<void> {
  return page.kind === 'dev-server' ? window.loadURL(page.url) : window.loadFile(page.indexPath);
}
