import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { App, WebContents } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import { devServerPage, schemePage, type AppPage } from '../../../src/main/electron/app-page';
import { isDevToolsShortcut } from '../../../src/main/electron/devtools-lock';
import { guardWebContents, installWebContentsGuard } from '../../../src/main/electron/web-contents-guard';
import { app, fakeEvent, FakeWebContents, resetElectronMock } from '../../mocks/electron';

const rendererDir = path.resolve('/app/out/renderer');
const page = schemePage(rendererDir);
const appUrl = 'porter://app/index.html';

beforeEach(resetElectronMock);

function guarded(options: { page?: AppPage; lockDevTools?: boolean } = {}): FakeWebContents {
  const contents = new FakeWebContents(appUrl);
  guardWebContents(contents as unknown as WebContents, { page: options.page ?? page, lockDevTools: options.lockDevTools ?? true });
  return contents;
}

function navigate(contents: FakeWebContents, kind: 'will-navigate' | 'will-redirect', url: string): boolean {
  const event = fakeEvent({ url, isMainFrame: true, isSameDocument: false, frame: contents.mainFrame });
  contents.emit(kind, event, url, false, true);
  return event.defaultPrevented;
}

describe('navigation', () => {
  it('to a foreign page is prevented, by link or by redirect', () => {
    const contents = guarded();
    expect(navigate(contents, 'will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate(contents, 'will-navigate', pathToFileURL('/etc/passwd').href)).toBe(true);
    expect(navigate(contents, 'will-redirect', 'https://evil.example/login')).toBe(true);
    // Not even the built page over file://, nor another host of Porter's scheme.
    expect(navigate(contents, 'will-navigate', pathToFileURL(path.join(rendererDir, 'index.html')).href)).toBe(true);
    expect(navigate(contents, 'will-navigate', 'porter://evil/index.html')).toBe(true);
  });

  it('to the app page itself is allowed', () => {
    const contents = guarded();
    expect(navigate(contents, 'will-navigate', appUrl)).toBe(false);
    expect(navigate(contents, 'will-navigate', `${appUrl}#/units`)).toBe(false);
    expect(navigate(contents, 'will-redirect', appUrl)).toBe(false);
  });

  it('in development stays on the dev server origin', () => {
    const contents = guarded({ page: devServerPage('http://localhost:5173') });
    expect(navigate(contents, 'will-navigate', 'http://localhost:5173/')).toBe(false);
    expect(navigate(contents, 'will-navigate', 'http://localhost:8080/')).toBe(true);
  });
});

describe('new windows and webviews', () => {
  it('window.open is denied, whatever the URL', () => {
    const contents = guarded();
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: appUrl })).toEqual({ action: 'deny' });
  });

  it('a <webview> is never attached', () => {
    const contents = guarded();
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, { src: 'https://evil.example/' });
    expect(event.defaultPrevented).toBe(true);
  });

  it('every web contents the app creates gets the guard', () => {
    installWebContentsGuard(app as unknown as App, { page, lockDevTools: true });
    const contents = new FakeWebContents(appUrl);
    app.emit('web-contents-created', fakeEvent(), contents);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(navigate(contents, 'will-navigate', 'https://evil.example/')).toBe(true);
    const attach = fakeEvent();
    contents.emit('will-attach-webview', attach, {}, {});
    expect(attach.defaultPrevented).toBe(true);
  });
});

describe('devtools lock', () => {
  const key = (key: string, mods: Partial<Record<'control' | 'meta' | 'shift' | 'alt', boolean>> = {}) => ({
    type: 'keyDown' as const,
    key,
    control: false,
    meta: false,
    shift: false,
    alt: false,
    ...mods,
  });

  it('knows the devtools shortcuts and nothing else', () => {
    expect(isDevToolsShortcut(key('F12'))).toBe(true);
    expect(isDevToolsShortcut(key('I', { control: true, shift: true }))).toBe(true);
    expect(isDevToolsShortcut(key('j', { control: true, shift: true }))).toBe(true);
    expect(isDevToolsShortcut(key('i', { meta: true, alt: true }))).toBe(true);
    expect(isDevToolsShortcut(key('c', { control: true }))).toBe(false); // copy
    expect(isDevToolsShortcut(key('i', { control: true }))).toBe(false);
    expect(isDevToolsShortcut({ ...key('F12'), type: 'keyUp' })).toBe(false);
  });

  it('when locked, swallows the shortcuts and closes devtools if they open', () => {
    const contents = guarded({ lockDevTools: true });
    const f12 = fakeEvent();
    contents.emit('before-input-event', f12, key('F12'));
    expect(f12.defaultPrevented).toBe(true);
    const typing = fakeEvent();
    contents.emit('before-input-event', typing, key('a'));
    expect(typing.defaultPrevented).toBe(false);
    contents.openDevTools();
    expect(contents.closeDevTools).toHaveBeenCalled();
    expect(contents.isDevToolsOpened()).toBe(false);
  });

  it('when unlocked (a developer running from source), leaves them alone', () => {
    const contents = guarded({ lockDevTools: false });
    const f12 = fakeEvent();
    contents.emit('before-input-event', f12, key('F12'));
    expect(f12.defaultPrevented).toBe(false);
    contents.openDevTools();
    expect(contents.isDevToolsOpened()).toBe(true);
  });
});
