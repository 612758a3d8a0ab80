import { createHash, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import type { OperatorTokenSource } from '../cli-options';

/** Shorter than this is guessable over the network; `openssl rand -base64 32` makes a good one. */
export const minOperatorTokenLength = 32;

/** A token the operator gave that cannot be used: a sentence to print, not a stack trace. */
export class OperatorTokenUnusable extends Error {}

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * The operator API's token, held only as its SHA-256 in this process's memory (never in the
 * store). A presented token is compared by digest in constant time: equal-length digests, so
 * neither the comparison nor the token's length tells a guesser how close they came.
 */
export class OperatorToken {
  private readonly expected: Buffer;

  constructor(token: string) {
    if (token.length < minOperatorTokenLength)
      throw new OperatorTokenUnusable(`The operator token must be at least ${minOperatorTokenLength} characters (this one has ${token.length}); make one with: openssl rand -base64 32`);
    if (/\s/.test(token)) throw new OperatorTokenUnusable('The operator token must not contain spaces or line breaks inside it.');
    this.expected = digest(token);
  }

  matches(presented: string): boolean {
    return timingSafeEqual(digest(presented), this.expected);
  }
}

/** Reads the token from its file (surrounding whitespace and the final line break dropped) or the variable's value. */
export function readOperatorToken(source: OperatorTokenSource): OperatorToken {
  if ('value' in source) return new OperatorToken(source.value.trim());
  let text: string;
  try {
    text = fs.readFileSync(source.file, 'utf8');
  } catch (error) {
    throw new OperatorTokenUnusable(`Cannot read the operator token file ${source.file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
  return new OperatorToken(text.trim());
}
