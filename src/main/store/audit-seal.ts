import { createHash, createHmac } from 'node:crypto';
import type { Db } from './database';

/**
 * The audit log's key: each entry's hash is an HMAC-SHA256 under it, so whoever can write
 * the SQLite file but cannot read the OS keychain cannot recompute the chain after changing
 * it. `since` is the seq of the entry where this key began (an `audit.sealed` entry, itself
 * keyed); entries before it were made before the key (plain SHA-256) and are covered by the
 * keyed entries' chaining. The keychain keeps `since` with the key, out of the file's reach.
 */
export interface AuditSeal {
  key: Buffer;
  since: number;
}

export const genesisHash = '0'.repeat(64);

/** What an entry's hash covers: the previous hash and every column staff see. */
export interface HashedFields {
  at: string;
  actor: string;
  action: string;
  subject_id: string | null;
  summary: string;
  details_json: string;
}

/** The entry's hash: HMAC-SHA256 under the key, or plain SHA-256 for an entry made before it. */
export function entryHash(prevHash: string, r: HashedFields, key: Buffer | null): string {
  const material = JSON.stringify([prevHash, r.at, r.actor, r.action, r.subject_id, r.summary, r.details_json]);
  return (key ? createHmac('sha256', key) : createHash('sha256')).update(material).digest('hex');
}

/** Names a key in the log without giving it away. */
export function keyIdOf(key: Buffer): string {
  return createHmac('sha256', key).update('porter audit key id').digest('hex').slice(0, 16);
}

/**
 * The store's random id (migration 008): the keychain account of its key is named after it,
 * so two data folders on one machine never share a key. Read once per connection.
 */
const storeIds = new WeakMap<Db, string>();
export function storeIdOf(db: Db): string {
  let id = storeIds.get(db);
  if (!id) {
    // Migration 008 wrote it.
    id = db.prepare<[], string>("SELECT value FROM settings WHERE key = 'store.id'").pluck().get()!;
    storeIds.set(db, id);
  }
  return id;
}

/*
 * The seals the core installed, by store id: every connection to the same file (the core's,
 * a tool's, a test's second one) appends and verifies with the same key. A process holds the
 * key in memory only while it runs; the keychain is where it lives.
 */
const seals = new Map<string, AuditSeal>();

export function installSeal(db: Db, seal: AuditSeal): void {
  seals.set(storeIdOf(db), seal);
}

export function sealOf(db: Db): AuditSeal | null {
  return seals.get(storeIdOf(db)) ?? null;
}

/** The seq the next entry will take. */
export function nextAuditSeq(db: Db): number {
  return db.prepare<[], number>('SELECT coalesce(max(seq), 0) + 1 FROM audit_log').pluck().get() ?? 1;
}

/** Whether any entry was made under a key (this one or an earlier one). */
export function logWasSealed(db: Db): boolean {
  return db.prepare("SELECT 1 FROM audit_log WHERE action = 'audit.sealed' LIMIT 1").get() !== undefined;
}
