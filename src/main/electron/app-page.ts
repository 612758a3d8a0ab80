/**
 * The console's own page: the only origin a Porter window may show, navigate to, or send IPC
 * from. In production it is the built renderer served on Porter's own scheme (porter://app,
 * app-protocol.ts), whose origin holds nothing but that folder, unlike file:// which is the
 * whole disk. In development, electron-vite's dev server (ELECTRON_RENDERER_URL), which is
 * trusted only when the app is not packaged.
 */
export const appScheme = 'porter';
export const appHost = 'app';

export type AppPage =
  | { kind: 'app-scheme'; rendererDir: string; url: string }
  | { kind: 'dev-server'; origin: string; url: string };

export function schemePage(rendererDir: string): AppPage {
  return { kind: 'app-scheme', rendererDir, url: `${appScheme}://${appHost}/index.html` };
}

export function devServerPage(rendererUrl: string): AppPage {
  const url = new URL(rendererUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`ELECTRON_RENDERER_URL must be an http(s) URL, got ${url.protocol}`);
  return { kind: 'dev-server', origin: url.origin, url: url.href };
}

/** A packaged build ignores ELECTRON_RENDERER_URL: an environment variable must not choose the page. */
export function resolveAppPage(options: { isPackaged: boolean; rendererUrl?: string; rendererDir: string }): AppPage {
  return !options.isPackaged && options.rendererUrl ? devServerPage(options.rendererUrl) : schemePage(options.rendererDir);
}

/** True when `url` is on the app page's origin (any path, query or #route), never another scheme, host or port. */
export function isAppPageUrl(url: string, page: AppPage): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (page.kind === 'dev-server') return parsed.origin === page.origin;
  // WHATWG URL gives a custom scheme an opaque origin ("null"), so compare its parts.
  return parsed.protocol === `${appScheme}:` && parsed.host === appHost && parsed.username === '' && parsed.password === '';
}
