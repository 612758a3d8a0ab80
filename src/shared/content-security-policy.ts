/**
 * The renderer's one Content-Security-Policy: nothing but the app's own files. It travels as a
 * response header only: Electron's porter:// handler and the browser host put it on every file
 * they serve, and the Electron session adds it to the dev server's responses.
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
