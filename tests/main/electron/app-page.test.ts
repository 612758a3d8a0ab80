import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { devServerPage, filePage, isAppPageUrl, resolveAppPage } from '../../../src/main/electron/app-page';

const indexPath = path.resolve('/opt/Porter/resources/app.asar/out/renderer/index.html');
const page = filePage(indexPath);
const appUrl = pathToFileURL(indexPath).href;

describe('the app page', () => {
  it('is the built index.html, with any query or #route', () => {
    expect(isAppPageUrl(appUrl, page)).toBe(true);
    expect(isAppPageUrl(`${appUrl}#/units/u-101`, page)).toBe(true);
    expect(isAppPageUrl(`${appUrl}?tab=activity`, page)).toBe(true);
  });

  it('is not a sibling file, a file elsewhere, a remote file host or another scheme', () => {
    expect(isAppPageUrl(pathToFileURL(path.join(path.dirname(indexPath), 'other.html')).href, page)).toBe(false);
    expect(isAppPageUrl(pathToFileURL('/etc/passwd').href, page)).toBe(false);
    expect(isAppPageUrl(`file://evil.example${pathToFileURL(indexPath).pathname}`, page)).toBe(false);
    expect(isAppPageUrl('https://evil.example/out/renderer/index.html', page)).toBe(false);
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
    expect(resolveAppPage({ isPackaged: true, rendererUrl: 'http://localhost:5173', indexPath })).toEqual(page);
    expect(resolveAppPage({ isPackaged: false, rendererUrl: 'http://localhost:5173', indexPath }).kind).toBe('dev-server');
    expect(resolveAppPage({ isPackaged: false, rendererUrl: undefined, indexPath })).toEqual(page);
  });
});
