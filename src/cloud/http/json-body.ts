import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { HttpError } from './http-error';
import { firstIssueWords } from '../../shared/plain-words';
import { maxRequestBytes } from '../../shared/sync';

/** Consoles fill a push up to this and no further; anything larger is not a console talking. */
export const maxBodyBytes = maxRequestBytes;

/**
 * Reads the body up to the cap. Past the cap the rest is drained, not kept, so the client
 * that is still sending reads a clean 413 rather than a reset connection; a body far past
 * it (16 times) is cut off instead, rather than read to its end.
 */
export async function readBody(req: IncomingMessage, cap = maxBodyBytes): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  let size = 0;
  let tooLarge = Number.isFinite(declared) && declared > cap;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > cap) tooLarge = true;
    if (size > cap * 16) {
      req.destroy();
      break;
    }
    if (!tooLarge) chunks.push(chunk);
  }
  if (tooLarge) throw new HttpError(413, 'payload_too_large', `The request body is over ${cap} bytes${cap === maxBodyBytes ? '; push fewer mutations at a time' : ''}.`);
  return Buffer.concat(chunks);
}

/** Names the first field that did not parse, never its value (it could hold a PIN). */
export function describeZodError(error: z.ZodError): string {
  return firstIssueWords(error, 'body');
}

export async function readJson<S extends z.ZodType>(req: IncomingMessage, schema: S, cap = maxBodyBytes): Promise<z.output<S>> {
  const raw = await readBody(req, cap);
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new HttpError(400, 'invalid_json', 'The request body is not JSON.');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new HttpError(400, 'invalid_input', `The request is not valid (${describeZodError(parsed.error)}).`);
  return parsed.data;
}
