/**
 * The renderer's one Content-Security-Policy: nothing but the app's own files. The Electron
 * session sends it as a header, the browser host sends it as a header, and production builds
 * of index.html carry it in a <meta> tag (pages from file:// get no headers). Dev builds leave
 * the tag out so the dev server's inline React Refresh preamble can run.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
