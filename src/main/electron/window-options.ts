import type { BrowserWindowConstructorOptions } from 'electron';

/** Devtools are available only to developers running from source, never packaged or in kiosk mode. */
export function devToolsAllowed(options: { isPackaged: boolean; kiosk: boolean }): boolean {
  return !options.isPackaged && !options.kiosk;
}

/** The one set of BrowserWindow options Porter uses: every web preference that matters, spelled out. */
export function hardenedWindowOptions(options: { preloadPath: string; devTools: boolean; kiosk?: boolean }): BrowserWindowConstructorOptions {
  return {
    // A kiosk fills the screen and cannot be left: Electron's kiosk mode, no menu, no frame.
    ...(options.kiosk ? { kiosk: true, fullscreen: true, frame: false, closable: false, minimizable: false } : {}),
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Porter',
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: options.devTools,
    },
  };
}
