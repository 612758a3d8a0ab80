import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBrowserHost, type BrowserHost } from '../../../src/main/host/browser-host';
import type { ServerFrame } from '../../../src/shared/wire';
import { comboUnit, jane, tempDir } from '../../helpers/test-console';

let host: BrowserHost;
let dataDir: string;
let rendererDir: string;

beforeAll(async () => {
  dataDir = tempDir();
  rendererDir = tempDir('porter-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Porter</title>');
  host = await startBrowserHost({ port: 0, rendererDir, core: { dataDir, loadDemoWhenEmpty: true } });
});
afterAll(async () => {
  await host.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

function socketUrl(token: string): string {
  return `${host.origin.replace('http', 'ws')}/porter?token=${encodeURIComponent(token)}`;
}

/** Opens a socket; resolves with it when open, or with the HTTP status the host refused with. */
function connect(token: string, origin?: string): Promise<WebSocket | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(socketUrl(token), origin === undefined ? {} : { origin });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', () => resolve(-1));
  });
}

function nextFrame(ws: WebSocket, match: (f: ServerFrame) => boolean): Promise<ServerFrame> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData): void => {
      const frame = JSON.parse(String(data)) as ServerFrame;
      if (match(frame)) {
        ws.off('message', onMessage);
        resolve(frame);
      }
    };
    ws.on('message', onMessage);
  });
}

describe('the browser host’s WebSocket carrier', () => {
  it('answers contract calls from its own page with the run’s token', async () => {
    const ws = (await connect(host.token, host.origin)) as WebSocket;
    const reply = nextFrame(ws, (f) => 'id' in f && f.id === 1);
    ws.send(JSON.stringify({ id: 1, command: 'session.get', input: {} }));
    expect(await reply).toMatchObject({ id: 1, envelope: { ok: true, value: { host: 'browser', community: { name: 'Riverside Commons' } } } });
    ws.close();
  });

  it('carries the same envelopes as any carrier: a malformed call is refused with its code', async () => {
    const ws = (await connect(host.token, host.origin)) as WebSocket;
    const reply = nextFrame(ws, (f) => 'id' in f && f.id === 2);
    ws.send(JSON.stringify({ id: 2, command: 'units.get', input: { unitId: 42 } }));
    expect(await reply).toMatchObject({ envelope: { ok: false, error: { code: 'invalid_input' } } });
    ws.close();
  });

  it('pushes data.changed to every open page after a grant', async () => {
    const watcher = (await connect(host.token, host.origin)) as WebSocket;
    const actor = (await connect(host.token, host.origin)) as WebSocket;
    const signedIn = nextFrame(actor, (f) => 'id' in f && f.id === 9);
    actor.send(JSON.stringify({ id: 9, command: 'staff.signIn', input: { staffId: 'avery', passcode: '1357' } }));
    expect(await signedIn).toMatchObject({ envelope: { ok: true } });
    const event = nextFrame(watcher, (f) => 'event' in f && (f.payload as { topics: string[] }).topics.includes('units'));
    actor.send(JSON.stringify({ id: 3, command: 'access.grant', input: { unitId: comboUnit, kind: 'pin', schedule: { type: 'permanent' }, guest: jane } }));
    expect(await event).toMatchObject({ event: 'data.changed', payload: { topics: expect.arrayContaining(['units', 'credentials']) } });
    watcher.close();
    actor.close();
  });

  it('gives each tab its own session: a tab that has not signed in is refused', async () => {
    const tab = (await connect(host.token, host.origin)) as WebSocket;
    const reply = nextFrame(tab, (f) => 'id' in f && f.id === 4);
    tab.send(JSON.stringify({ id: 4, command: 'units.list', input: {} }));
    expect(await reply).toMatchObject({ envelope: { ok: false, error: { code: 'signed_out' } } });
    tab.close();
  });

  it('refuses a wrong or missing token with 401', async () => {
    expect(await connect('not-the-token', host.origin)).toBe(401);
    expect(await connect('', host.origin)).toBe(401);
  });

  it('refuses a foreign or missing Origin with 403, even with the right token', async () => {
    expect(await connect(host.token, 'https://evil.example')).toBe(403);
    expect(await connect(host.token, 'http://127.0.0.1:1')).toBe(403);
    expect(await connect(host.token)).toBe(403);
  });

  it('serves the renderer with a strict CSP and nothing outside its folder', async () => {
    const page = await fetch(`${host.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await fetch(`${host.origin}/%2e%2e/%2e%2e/package.json`)).status).toBe(404);
    expect((await fetch(`${host.origin}/`, { method: 'POST' })).status).toBe(405);
  });
});
