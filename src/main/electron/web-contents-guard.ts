import type { App, WebContents } from 'electron';
import { isAppPageUrl, type AppPage } from './app-page';
import { lockDevTools } from './devtools-lock';

export interface GuardOptions {
  page: AppPage;
  /** True in packaged builds and kiosk mode. */
  lockDevTools: boolean;
}

/**
 * What every web contents gets, the main window's included: navigation and redirects only to
 * the app page, no new windows, no <webview>, and devtools locked when asked.
 */
export function guardWebContents(contents: WebContents, options: GuardOptions): void {
  const stayOnAppPage = (event: { preventDefault(): void }, url: string): void => {
    if (!isAppPageUrl(url, options.page)) event.preventDefault();
  };
  contents.on('will-navigate', (event) => stayOnAppPage(event, event.url));
  contents.on('will-redirect', (event) => stayOnAppPage(event, event.url));
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  if (options.lockDevTools) lockDevTools(contents);
}

/** Registers the guard for every web contents the app will ever create. Call before the first window. */
export function installWebContentsGuard(app: App, options: GuardOptions): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, options));
}
