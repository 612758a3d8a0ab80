import type { App, BrowserWindow } from 'electron';

/**
 * One console per user profile: two would fight over the SQLite file and the USB devices.
 * Returns false, having asked the app to quit, when another instance holds the lock; that
 * instance brings its window to the front instead.
 */
export function claimSingleInstance(app: App, currentWindow: () => BrowserWindow | undefined): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const window = currentWindow();
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  return true;
}
