import fs from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

/*
 * The browser host serves the renderer over the network (to a tab, to a kiosk's screen), so its
 * text files go compressed: the first rows cannot paint before the script has arrived. The build
 * writes each file's compressed copies beside it (`x.js.br`, `x.js.gz`: see
 * electron.vite.config.ts), so the first load after a start waits for no compression; a file
 * without a current copy is compressed here, once per build (keyed by its size and time). Either
 * way the bytes are kept in memory; the renderer is a few files.
 */

export type Encoding = 'br' | 'gzip';

const compressible = new Set(['.html', '.js', '.css', '.svg', '.json']);
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** The encoding to send `file` in for this request, if any: brotli first, then gzip. */
export function encodingFor(request: IncomingMessage, file: string): Encoding | undefined {
  if (!compressible.has(path.extname(file).toLowerCase())) return undefined;
  const accepted = String(request.headers['accept-encoding'] ?? '')
    .split(',')
    .map((part) => part.trim().split(';'))
    // "br;q=0" means not brotli.
    .filter(([, quality]) => !/^\s*q=0(\.0*)?\s*$/.test(quality ?? ''))
    .map(([name]) => name!.toLowerCase());
  if (accepted.includes('br')) return 'br';
  if (accepted.includes('gzip')) return 'gzip';
  return undefined;
}

const kept = new Map<string, { version: string; bytes: Promise<Buffer> }>();

/** `file`'s bytes in `encoding`, compressed on first ask and kept while the file is unchanged. */
export function compressedFile(file: string, stat: fs.Stats, encoding: Encoding): Promise<Buffer> {
  const key = `${encoding}:${file}`;
  const version = `${stat.size}:${stat.mtimeMs}`;
  const held = kept.get(key);
  if (held?.version === version) return held.bytes;
  const bytes = builtCopy(file, stat, encoding).then((copy) => copy ?? compress(file, encoding));
  // A failed read or compression is not kept: the next request tries again.
  bytes.catch(() => kept.delete(key));
  kept.set(key, { version, bytes });
  return bytes;
}

/** The copy the build wrote beside `file` in `encoding`, unless it is missing or older than the file. */
async function builtCopy(file: string, stat: fs.Stats, encoding: Encoding): Promise<Buffer | undefined> {
  const copy = `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
  const copyStat = await fs.promises.stat(copy).catch(() => undefined);
  if (!copyStat?.isFile() || copyStat.mtimeMs < stat.mtimeMs) return undefined;
  return fs.promises.readFile(copy).catch(() => undefined);
}

function compress(file: string, encoding: Encoding): Promise<Buffer> {
  // Brotli quality 5 of 11: a load waits for it. On the minified renderer (1.1 MB) quality 9
  // took about 1 s here, quality 5 about 30 ms for a few per cent more bytes.
  return fs.promises
    .readFile(file)
    .then((raw) => (encoding === 'br' ? brotli(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }) : gzip(raw, { level: 6 })));
}
