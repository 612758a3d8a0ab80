import path from 'node:path';
import { contentSecurityPolicy } from '../shared/content-security-policy';

/*
 * The built renderer as both hosts serve it (Electron's porter://app and the browser host's
 * HTTP server): which file a URL path names, its type, and the headers every answer carries.
 */

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** An unknown type is never guessed (nosniff), so an odd file is never run as script. */
export function rendererContentType(file: string): string {
  return contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Every answer carries these: our CSP, no type guessing, no referrer. */
export const rendererHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
} as const;

export type RendererFile = { ok: true; file: string } | { ok: false; status: 400 | 404 };

/**
 * The file under `rendererDir` that a URL path names, or why there is none: a malformed
 * percent-escape or a NUL is 400, a path that leaves the folder is 404 (as if absent).
 * Never throws.
 */
export function rendererFileFor(rendererDir: string, rawPathname: string): RendererFile {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (decoded.includes('\0')) return { ok: false, status: 400 };
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${decoded === '/' ? '/index.html' : decoded}`);
  const inside = path.relative(root, file);
  // '..' first (POSIX or Windows), another drive, or the folder itself: not one of its files.
  if (!inside || inside.split(/[\\/]/)[0] === '..' || path.isAbsolute(inside)) return { ok: false, status: 404 };
  return { ok: true, file };
}
