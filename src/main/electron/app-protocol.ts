import type { Protocol } from 'electron';
import { appHost, appScheme } from './app-page';
import { plainAnswer, serveRendererRequest } from './renderer-files';

/**
 * porter:// is a standard scheme (so porter://app is a real origin with relative URLs and
 * storage) and secure (a secure context, like https); fetch works on it, same-origin only (no
 * corsEnabled), and it never bypasses the CSP. Must run before the app is ready, once.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer on porter://app, and nothing on any other host of the scheme. */
export function handleAppScheme(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(appScheme, (request) => answerAppRequest(rendererDir, request));
}

export async function answerAppRequest(rendererDir: string, request: { method: string; url: string }): Promise<Response> {
  let host: string;
  try {
    host = new URL(request.url).host;
  } catch {
    host = '';
  }
  if (host !== appHost) return plainAnswer(404, 'Not found');
  return serveRendererRequest(rendererDir, request);
}
