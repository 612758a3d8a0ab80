import fs from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

/*
 * The browser host serves the renderer over the network (to a tab, to a kiosk's screen), so its
 * text files go compressed: the first rows cannot paint before the script has arrived. Each file
 * is compressed once per build (keyed by its size and time) and kept; the renderer is a few files.
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
  // Brotli quality 5 of 11: the first load after a start waits for it. On the minified renderer
  // (1.1 MB) quality 9 took about 1 s here, quality 5 about 30 ms for a few per cent more bytes.
  const bytes = fs.promises
    .readFile(file)
    .then((raw) => (encoding === 'br' ? brotli(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }) : gzip(raw, { level: 6 })));
  // A failed read or compression is not kept: the next request tries again.
  bytes.catch(() => kept.delete(key));
  kept.set(key, { version, bytes });
  return bytes;
}
