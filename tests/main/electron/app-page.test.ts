import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { devServerPage, isAppPageUrl, resolveAppPage, schemePage } from '../../../src/main/electron/app-page';

const rendererDir = path.resolve('/opt/Porter/resources/app.asar/out/renderer');
const page = schemePage(rendererDir);
const appUrl = 'porter://app/index.html';

describe('the app page', () => {
  it('is porter://app/index.html, with any path, query or #route on that origin', () => {
    expect(page.url).toBe(appUrl);
    expect(isAppPageUrl(appUrl, page)).toBe(true);
    expect(isAppPageUrl(`${appUrl}#/units/u-101`, page)).toBe(true);
    expect(isAppPageUrl(`${appUrl}?tab=activity`, page)).toBe(true);
    expect(isAppPageUrl('porter://app/', page)).toBe(true);
  });

  it('is not the same files over file://, another host or port of the scheme, a user-info trick or another scheme', () => {
    expect(isAppPageUrl(pathToFileURL(path.join(rendererDir, 'index.html')).href, page)).toBe(false);
    expect(isAppPageUrl(pathToFileURL('/etc/passwd').href, page)).toBe(false);
    expect(isAppPageUrl('porter://evil/index.html', page)).toBe(false);
    expect(isAppPageUrl('porter://app.evil.example/index.html', page)).toBe(false);
    expect(isAppPageUrl('porter://app:8080/index.html', page)).toBe(false);
    expect(isAppPageUrl('porter://evil@app/index.html', page)).toBe(false);
    expect(isAppPageUrl('https://app/index.html', page)).toBe(false);
    expect(isAppPageUrl('not a url', page)).toBe(false);
    expect(isAppPageUrl('', page)).toBe(false);
  });

  it('in development is the dev server origin, and only that origin', () => {
    const dev = devServerPage('http://localhost:5173/');
    expect(isAppPageUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isAppPageUrl('http://localhost:5173/src/main.tsx#x', dev)).toBe(true);
    expect(isAppPageUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppPageUrl('http://localhost.evil.example:5173/', dev)).toBe(false);
    expect(isAppPageUrl(appUrl, dev)).toBe(false);
  });

  it('refuses a dev server URL that is not http(s)', () => {
    expect(() => devServerPage('file:///tmp/index.html')).toThrow(/http/);
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged build', () => {
    expect(resolveAppPage({ isPackaged: true, rendererUrl: 'http://localhost:5173', rendererDir })).toEqual(page);
    expect(resolveAppPage({ isPackaged: false, rendererUrl: 'http://localhost:5173', rendererDir }).kind).toBe('dev-server');
    expect(resolveAppPage({ isPackaged: false, rendererUrl: undefined, rendererDir })).toEqual(page);
  });
});
