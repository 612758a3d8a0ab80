/**
 * porter://app, the scheme the packaged console's page comes from: what a page (or anything
 * that can make the page ask) gets for each URL, through the handler Electron would call.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../../src/main/core-types';
import { answerAppRequest } from '../../../src/main/electron/app-protocol';
import { startPorter } from '../../../src/main/electron/start';
import { contentSecurityPolicy } from '../../../src/shared/content-security-policy';
import { app, BrowserWindow, protocol, resetElectronMock } from '../../mocks/electron';

let out: string;
let rendererDir: string;
const secret = 'guest PIN 482913';

beforeEach(() => {
  resetElectronMock();
  // out/{main,renderer} as electron-vite builds them, with files outside the renderer that must stay out of reach.
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'porter-out-'));
  rendererDir = path.join(out, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.mkdirSync(path.join(out, 'main'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Porter</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'index-abc.js'), 'console.log("porter")');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'notes.txt'), 'plain');
  fs.writeFileSync(path.join(out, 'main', 'electron-main.js'), secret);
  fs.mkdirSync(path.join(out, 'renderer-secrets'));
  fs.writeFileSync(path.join(out, 'renderer-secrets', 'key.txt'), secret);
});
afterEach(() => fs.rmSync(out, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => answerAppRequest(rendererDir, { method, url });

describe('porter://app serves the built renderer', () => {
  it('index.html at / and /index.html, with the CSP and nosniff as headers', async () => {
    for (const url of ['porter://app/', 'porter://app/index.html', 'porter://app/index.html?x=1#/units']) {
      const answer = await get(url);
      expect(answer.status, url).toBe(200);
      expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(answer.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await answer.text()).toContain('<title>Porter</title>');
    }
  });

  it('scripts as JavaScript, other files with their type, HEAD without a body', async () => {
    const script = await get('porter://app/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log("porter")');
    // An unknown type is served as bytes and, with nosniff, never run as a script.
    expect((await get('porter://app/assets/notes.txt')).headers.get('content-type')).toBe('application/octet-stream');
    const head = await get('porter://app/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('porter://app reaches nothing outside the renderer folder', () => {
  it.each([
    'porter://app/%2e%2e/main/electron-main.js',
    'porter://app/..%2fmain%2felectron-main.js',
    'porter://app/assets/..%2f..%2fmain/electron-main.js',
    'porter://app/%2e%2e%2frenderer-secrets%2fkey.txt',
    'porter://app/..%5cmain%5celectron-main.js',
    'porter://app/%2fetc%2fpasswd',
  ])('%s is 404', async (url) => {
    const answer = await get(url);
    expect(answer.status).toBe(404);
    expect(await answer.text()).not.toContain(secret);
  });

  it.each(['porter://app/%', 'porter://app/%E0%A4%A', 'porter://app/%zz', 'porter://app/index.html%00.js'])(
    'a malformed escape or a NUL (%s) is 400, not a crash',
    async (url) => {
      const answer = await get(url);
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    },
  );

  it('another host of the scheme, a folder, a missing file and a write are refused', async () => {
    expect((await get('porter://evil/index.html')).status).toBe(404);
    expect((await get('porter://app:8080/index.html')).status).toBe(404);
    expect((await get('porter://app/assets')).status).toBe(404);
    expect((await get('porter://app/nothing-here.js')).status).toBe(404);
    const post = await get('porter://app/index.html', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('whatever the path, answers without throwing, and 200 only with a file from the renderer folder', async () => {
    const inRenderer = new Set(['<!doctype html><title>Porter</title>', 'console.log("porter")', 'plain']);
    // Ways up and out, then something worth taking (or noise), in any order and number.
    const step = fc.oneof(
      fc.constantFrom('..', '.', '%2e%2e', '%2E%2e', '..%2f', '%2e%2e%2f', '..%5c', '%2f', '%', '%00', '%E0%A4%A', 'assets', '', '//'),
      fc.string({ maxLength: 4 }),
    );
    const target = fc.constantFrom('main/electron-main.js', 'renderer-secrets/key.txt', 'index.html', 'assets/index-abc.js', 'renderer/index.html', '');
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 6 }), target, async (steps, file) => {
        const answer = await get(`porter://app/${[...steps, file].join('/')}`);
        expect([200, 400, 404]).toContain(answer.status);
        if (answer.status === 200) expect(inRenderer.has(await answer.text())).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the shell and the scheme', () => {
  it('registers porter:// as privileged before ready (standard, secure, fetch; no CSP bypass, no CORS) and serves out/renderer once ready', async () => {
    const order: string[] = [];
    protocol.registerSchemesAsPrivileged.mockImplementationOnce((schemes) => {
      order.push('privileged');
      protocol.privileged = schemes;
    });
    app.whenReady.mockImplementationOnce(async () => {
      order.push('ready');
      app.ready = true;
    });
    const core = { dispatch: vi.fn(), connect: vi.fn(), onEvent: vi.fn(() => () => undefined), close: vi.fn() } as unknown as Core;
    await startPorter({ createCore: () => core, mainDir: path.join(out, 'main'), env: { PORTER_DATA_DIR: path.join(out, 'data') } });

    expect(order).toEqual(['privileged', 'ready']);
    expect(protocol.privileged).toEqual([{ scheme: 'porter', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(BrowserWindow.instances[0]!.loadURL).toHaveBeenCalledWith('porter://app/index.html');
    const page = await protocol.request('porter://app/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect((await protocol.request('porter://app/%2e%2e/main/electron-main.js')).status).toBe(404);
  });
});
