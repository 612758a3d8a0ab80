import fs from 'node:fs/promises';
import path from 'node:path';
import { contentSecurityPolicy } from '../../shared/content-security-policy';

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

/** Every answer carries these: our CSP, and no guessing a type (an unknown file is never run as script). */
const baseHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

export type RendererFile = { ok: true; file: string } | { ok: false; status: 400 | 404 };

/**
 * The file under `rendererDir` that a URL path names, or why there is none: a malformed
 * percent-escape or a NUL is 400, a path that leaves the folder is 404 (as if absent).
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

/**
 * Answers a request for the built renderer: GET and HEAD only, files inside `rendererDir`
 * only. Never throws: whatever the URL, the answer is a Response.
 */
export async function serveRendererRequest(rendererDir: string, request: { method: string; url: string }): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return plainAnswer(405, 'Method not allowed', { Allow: 'GET, HEAD' });
  let pathname: string;
  try {
    pathname = new URL(request.url).pathname;
  } catch {
    return plainAnswer(400, 'Bad request');
  }
  const found = rendererFileFor(rendererDir, pathname);
  if (!found.ok) return plainAnswer(found.status, found.status === 400 ? 'Bad request' : 'Not found');
  try {
    const body = await fs.readFile(found.file);
    const type = contentTypes[path.extname(found.file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: { ...baseHeaders, 'Content-Type': type } });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR' ? plainAnswer(404, 'Not found') : plainAnswer(500, 'Could not read the file');
  }
}

/** A short text answer, with the same headers as a file. */
export function plainAnswer(status: number, text: string, extra: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: { ...baseHeaders, 'Content-Type': 'text/plain; charset=utf-8', ...extra } });
}
