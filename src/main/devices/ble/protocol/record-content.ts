import { lockKeyBytes } from './key-schedule';

/*
 * What a sealed record holds, led by its kind (inside the encryption, so an eavesdropper
 * cannot even tell a request from a key being installed):
 *   REQUEST     01 payload                   console→lock: a key-programmer command payload
 *   ANSWER      02 answers u32 LE, payload   lock→console: the answer, naming the request's counter
 *   PROVISION   03 lock key (32)             console→lock, commissioning only
 *   PROVISIONED 04 answers u32 LE            lock→console: the key is stored, the setup code is dead
 * An answer names its request so a late answer to a request the console gave up on is skipped,
 * never taken for the answer to the next one.
 */

export const contentKind = { request: 0x01, answer: 0x02, provision: 0x03, provisioned: 0x04 } as const;

export type ConsoleContent = { kind: 'request'; payload: Uint8Array } | { kind: 'provision'; lockKey: Uint8Array };
export type LockContent = { kind: 'answer'; answers: number; payload: Uint8Array } | { kind: 'provisioned'; answers: number };
export type MalformedContent = { kind: 'malformed'; reason: string };

export const encodeRequest = (payload: Uint8Array) => withHead([contentKind.request], payload);
export const encodeProvision = (lockKey: Uint8Array) => withHead([contentKind.provision], lockKey);
export const encodeAnswer = (answers: number, payload: Uint8Array) => withHead([contentKind.answer, ...u32(answers)], payload);
export const encodeProvisioned = (answers: number) => withHead([contentKind.provisioned, ...u32(answers)], new Uint8Array(0));

export function decodeConsoleContent(bytes: Uint8Array): ConsoleContent | MalformedContent {
  if (bytes[0] === contentKind.request) return { kind: 'request', payload: bytes.slice(1) };
  if (bytes[0] === contentKind.provision && bytes.length === 1 + lockKeyBytes) return { kind: 'provision', lockKey: bytes.slice(1) };
  return { kind: 'malformed', reason: `content kind ${bytes[0] ?? 'missing'} of ${bytes.length} bytes from a console` };
}

export function decodeLockContent(bytes: Uint8Array): LockContent | MalformedContent {
  const answers = bytes.length >= 5 ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).readUInt32LE(1) : null;
  if (bytes[0] === contentKind.answer && answers !== null) return { kind: 'answer', answers, payload: bytes.slice(5) };
  if (bytes[0] === contentKind.provisioned && answers !== null && bytes.length === 5) return { kind: 'provisioned', answers };
  return { kind: 'malformed', reason: `content kind ${bytes[0] ?? 'missing'} of ${bytes.length} bytes from a lock` };
}

function withHead(head: readonly number[], body: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(head.length + body.length);
  bytes.set(head);
  bytes.set(body, head.length);
  return bytes;
}

function u32(value: number): number[] {
  return [value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, value >>> 24];
}
