import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveRenderer } from '../../../src/main/host/static-files';
import { tempDir } from '../../helpers/test-console';

/* The renderer as a browser fetches it from the browser host: compressed, and cached for good where the name holds a hash. */

const script = `export const rows = ${JSON.stringify(Array.from({ length: 2000 }, (_, i) => `South Tower ${i}`))};\n`;
let server: http.Server;
let port: number;
let rendererDir: string;

beforeAll(async () => {
  rendererDir = tempDir('porter-renderer-');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Porter</title><script src="/assets/index-AbC12_-z.js"></script>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'index-AbC12_-z.js'), script);
  fs.writeFileSync(path.join(rendererDir, 'assets', 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  server = http.createServer(serveRenderer(rendererDir));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function get(pathname: string, acceptEncoding?: string, method = 'GET'): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding };
    http
      .request({ host: '127.0.0.1', port, path: pathname, method, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject)
      .end();
  });
}

describe('the browser host serves the renderer compressed', () => {
  it('sends brotli to a browser that takes it, the same script once unpacked and several times smaller', async () => {
    const answer = await get('/assets/index-AbC12_-z.js', 'gzip, deflate, br');
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers.vary).toBe('Accept-Encoding');
    expect(zlib.brotliDecompressSync(answer.body).toString()).toBe(script);
    expect(answer.body.length * 5).toBeLessThan(Buffer.byteLength(script));
  });

  it('sends gzip where brotli is refused or not offered, and the file as it is to a client that takes neither', async () => {
    const gzipped = await get('/assets/index-AbC12_-z.js', 'br;q=0, gzip');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzipped.body).toString()).toBe(script);
    const plain = await get('/assets/index-AbC12_-z.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
  });

  it('does not compress what is already compressed, and a HEAD gets the headers alone', async () => {
    expect((await get('/assets/logo.png', 'br')).headers['content-encoding']).toBeUndefined();
    const head = await get('/assets/index-AbC12_-z.js', 'br', 'HEAD');
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.body.length).toBe(0);
  });

  it('lets a browser keep a hashed asset for good, but asks for the page anew so a new build shows', async () => {
    expect((await get('/assets/index-AbC12_-z.js', 'br')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await get('/', 'br')).headers['cache-control']).toBe('no-store');
    expect((await get('/assets/logo.png')).headers['cache-control']).toBe('no-store');
  });

  it('serves a rebuilt file anew, not the compressed copy of the old one', async () => {
    const page = path.join(rendererDir, 'index.html');
    expect(zlib.brotliDecompressSync((await get('/', 'br')).body).toString()).toContain('<title>Porter</title>');
    fs.writeFileSync(page, '<!doctype html><title>Porter, rebuilt</title>');
    fs.utimesSync(page, new Date(), new Date(Date.now() + 5000));
    expect(zlib.brotliDecompressSync((await get('/', 'br')).body).toString()).toContain('Porter, rebuilt');
  });

  it('sends the compressed copies the build wrote beside a file, and compresses anew when a copy is older than its file', async () => {
    const file = path.join(rendererDir, 'assets', 'units-Pq34_xYz.js');
    const built = 'export const built = "as the build compressed it";\n';
    fs.writeFileSync(file, built);
    const past = new Date(Date.now() - 60_000);
    fs.utimesSync(file, past, past);
    // The build's copies say something the file does not, so the test tells which was sent.
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync('export const copy = "brotli";\n'));
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync('export const copy = "gzip";\n'));
    expect(zlib.brotliDecompressSync((await get('/assets/units-Pq34_xYz.js', 'br')).body).toString()).toContain('"brotli"');
    expect(zlib.gunzipSync((await get('/assets/units-Pq34_xYz.js', 'gzip')).body).toString()).toContain('"gzip"');

    const rebuilt = 'export const rebuilt = "after the copies were written";\n';
    fs.writeFileSync(file, rebuilt);
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(zlib.brotliDecompressSync((await get('/assets/units-Pq34_xYz.js', 'br')).body).toString()).toBe(rebuilt);
    expect(zlib.gunzipSync((await get('/assets/units-Pq34_xYz.js', 'gzip')).body).toString()).toBe(rebuilt);
  });
});
