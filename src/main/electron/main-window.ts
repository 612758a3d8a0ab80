import { BrowserWindow } from 'electron';
import type { AppPage } from './app-page';
import { hardenedWindowOptions } from './window-options';

/** The console window, hardened, shown once its first paint is ready. */
export function createMainWindow(options: { preloadPath: string; devTools: boolean; kiosk?: boolean }): BrowserWindow {
  const window = new BrowserWindow(hardenedWindowOptions(options));
  window.once('ready-to-show', () => window.show());
  return window;
}

/** Loads the app page: porter://app/index.html, or the dev server in development. */
export function loadAppPage(window: BrowserWindow, page: AppPage): Promise<void> {
  return window.loadURL(page.url);
}
