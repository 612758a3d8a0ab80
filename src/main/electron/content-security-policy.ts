import type { Session } from 'electron';

import { contentSecurityPolicy } from '../../shared/content-security-policy';

export { contentSecurityPolicy };

/** Response headers with our CSP in place of any the response carried (header names are case-insensitive). */
export function withContentSecurityPolicy(
  headers: Record<string, string | string[]> | undefined,
): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {}))
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  result['Content-Security-Policy'] = [contentSecurityPolicy];
  return result;
}

export function installContentSecurityPolicy(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
}
