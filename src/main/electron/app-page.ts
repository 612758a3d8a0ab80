import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The console's own page: the only URL a Porter window may show, navigate to, or send IPC
 * from. In production it is the built renderer on disk; in development, electron-vite's
 * dev server (ELECTRON_RENDERER_URL), which is trusted only when the app is not packaged.
 */
export type AppPage =
  | { kind: 'file'; indexPath: string; url: string }
  | { kind: 'dev-server'; origin: string; url: string };

export function filePage(indexPath: string): AppPage {
  return { kind: 'file', indexPath, url: pathToFileURL(indexPath).href };
}

export function devServerPage(rendererUrl: string): AppPage {
  const url = new URL(rendererUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`ELECTRON_RENDERER_URL must be an http(s) URL, got ${url.protocol}`);
  return { kind: 'dev-server', origin: url.origin, url: url.href };
}

/** A packaged build ignores ELECTRON_RENDERER_URL: an environment variable must not choose the page. */
export function resolveAppPage(options: { isPackaged: boolean; rendererUrl?: string; indexPath: string }): AppPage {
  return !options.isPackaged && options.rendererUrl ? devServerPage(options.rendererUrl) : filePage(options.indexPath);
}

/** True when `url` is the app page itself (any query or #route on it), never a sibling file or another origin. */
export function isAppPageUrl(url: string, page: AppPage): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (page.kind === 'dev-server') return parsed.origin === page.origin;
  if (parsed.protocol !== 'file:' || parsed.host !== '') return false;
  let onDisk: string;
  try {
    onDisk = fileURLToPath(parsed);
  } catch {
    return false;
  }
  return sameFile(onDisk, page.indexPath);
}

function sameFile(a: string, b: string): boolean {
  const left = path.resolve(a);
  const right = path.resolve(b);
  // Windows paths are case-insensitive; Chromium may report the drive letter in either case.
  return process.platform === 'win32' ? left.toLowerCase() === right.toLowerCase() : left === right;
}
