import fs from 'node:fs/promises';
import { rendererContentType, rendererFileFor, rendererHeaders } from '../renderer-paths';

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
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: { ...rendererHeaders, 'Content-Type': rendererContentType(found.file) } });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR' ? plainAnswer(404, 'Not found') : plainAnswer(500, 'Could not read the file');
  }
}

/** A short text answer, with the same headers as a file. */
export function plainAnswer(status: number, text: string, extra: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: { ...rendererHeaders, 'Content-Type': 'text/plain; charset=utf-8', ...extra } });
}
