import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { rendererContentType, rendererFileFor, rendererHeaders } from '../renderer-paths';
import { compressedFile, encodingFor } from './compressed-files';

const refusals = { 400: 'Bad request', 404: 'Not found', 405: 'Method not allowed' } as const;

function refuse(response: ServerResponse, status: keyof typeof refusals): void {
  const headers = { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...(status === 405 ? { Allow: 'GET, HEAD' } : {}) };
  response.writeHead(status, headers).end(refusals[status]);
}

type Answer = { status: 200; file: string; stat: fs.Stats } | { status: keyof typeof refusals };

/** What a request names: a file inside root, or why not. Never throws, whatever the path. */
function resolveRequest(root: string, request: IncomingMessage): Answer {
  if (request.method !== 'GET' && request.method !== 'HEAD') return { status: 405 };
  let pathname: string;
  try {
    // Throws on what is not a URL path: `GET http://a:99999/`.
    pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
  } catch {
    return { status: 400 };
  }
  const found = rendererFileFor(root, pathname);
  if (!found.ok) return { status: found.status };
  const { file } = found;
  try {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    return stat?.isFile() ? { status: 200, file, stat } : { status: 404 };
  } catch {
    return { status: 404 }; // not a folder on the way, no permission, a name too long: not served
  }
}

/** Serves the built renderer read-only; nothing outside rendererDir can be named. */
export function serveRenderer(rendererDir: string) {
  const root = path.resolve(rendererDir);
  return (request: IncomingMessage, response: ServerResponse): void => {
    const answer = resolveRequest(root, request);
    if (answer.status !== 200) return refuse(response, answer.status);
    const encoding = encodingFor(request, answer.file);
    const headers = {
      ...rendererHeaders,
      'Content-Type': rendererContentType(answer.file),
      'Cache-Control': cacheControl(root, answer.file),
      Vary: 'Accept-Encoding',
    };
    if (!encoding) {
      response.writeHead(200, headers);
      if (request.method === 'HEAD') return void response.end();
      // pipeline handles both ends' errors: a file gone since its stat, a client gone mid-file.
      pipeline(fs.createReadStream(answer.file), response, () => undefined);
      return;
    }
    compressedFile(answer.file, answer.stat, encoding).then(
      (bytes) => {
        response.writeHead(200, { ...headers, 'Content-Encoding': encoding, 'Content-Length': bytes.length });
        response.end(request.method === 'HEAD' ? undefined : bytes);
      },
      // Gone since its stat, or unreadable: as if absent.
      () => refuse(response, 404),
    );
  };
}

/**
 * The build names every asset by its content's hash, so an asset never changes under its name:
 * a browser keeps it for good. The page itself is asked anew each time, so a new build shows.
 */
function cacheControl(root: string, file: string): string {
  const inAssets = path.relative(path.join(root, 'assets'), file);
  const hashed = !inAssets.startsWith('..') && !path.isAbsolute(inAssets) && /-[\w-]{8}\.(js|css)$/.test(inAssets);
  return hashed ? 'public, max-age=31536000, immutable' : 'no-store';
}
