import type { AuditHead, ChainFinding } from '../../shared/domain';
import type { AuditRow } from './audit-log';
import { entryHash, genesisHash, keyIdOf, sealOf, type AuditSeal } from './audit-seal';
import type { Db } from './database';

/** A head recorded outside the log: the cloud's latest anchor, or an export's closing line. */
export interface OutsideHead extends AuditHead {
  source: 'cloud' | 'export';
}

export interface ChainWalk {
  intact: boolean;
  entries: number;
  lastSeq: number;
  firstBrokenSeq: number | null;
  findings: ChainFinding[];
  sealedFrom: number | null;
}

/** Findings beyond this many are left out: the first ones say what happened. */
const maxFindings = 20;

/** Consecutive seqs as ranges: [3, 4, 5, 9] is [3, 5] and [9, 9]. */
function ranges(seqs: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const s of seqs) {
    const last = out.at(-1);
    if (last && last[1] === s - 1) last[1] = s;
    else out.push([s, s]);
  }
  return out;
}

interface Walked {
  entries: number;
  lastSeq: number;
  /** Entries whose hash does not match what they hold (under the key, or plain before it). */
  bad: number[];
  /** Seqs missing between two entries, or before the first. */
  missing: [number, number][];
  /** Entries after another key's `audit.sealed`, which this console cannot check. */
  foreign: number[];
  hashAt: Map<number, string>;
}

function walk(db: Db, seal: AuditSeal | null, wanted: Set<number>): Walked {
  const keyId = seal ? keyIdOf(seal.key) : null;
  const w: Walked = { entries: 0, lastSeq: 0, bad: [], missing: [], foreign: [], hashAt: new Map() };
  let prev = genesisHash;
  let foreignKey = false;
  for (const r of db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY seq').iterate()) {
    w.entries++;
    if (r.seq !== w.lastSeq + 1) w.missing.push([w.lastSeq + 1, r.seq - 1]);
    // A hash that no longer leads to this entry: the entry before it was changed.
    else if (r.prev_hash !== prev && w.lastSeq > 0 && w.bad.at(-1) !== w.lastSeq) w.bad.push(w.lastSeq);
    const keyed = seal !== null && r.seq >= seal.since;
    if (!keyed && r.action === 'audit.sealed') foreignKey = (JSON.parse(r.details_json) as { keyId?: unknown }).keyId !== keyId || keyId === null;
    if (!keyed && foreignKey) w.foreign.push(r.seq);
    else if (entryHash(r.prev_hash, r, keyed ? seal.key : null) !== r.hash) w.bad.push(r.seq);
    if (wanted.has(r.seq)) w.hashAt.set(r.seq, r.hash);
    prev = r.hash;
    w.lastSeq = r.seq;
  }
  return w;
}

/**
 * Walks the whole chain and says what is wrong with it, in the four ways a log is tampered
 * with: an entry edited, the log rewritten (every hash recomputed: without the key the seal
 * fails from where it began; with it, only a head recorded outside disagrees), cut short (a
 * head recorded outside, or the key's start, is past the log's end), or extended by hand
 * (entries at the end without the seal). `heads` are the cloud's latest anchor and an
 * export's closing line; a store without a seal (a bare test store) is checked as plain SHA-256.
 */
export function verifyAuditChain(db: Db, heads: OutsideHead[] = []): ChainWalk {
  const seal = sealOf(db);
  const w = walk(db, seal, new Set(heads.map((h) => h.seq)));
  const findings: ChainFinding[] = [];
  const add = (kind: ChainFinding['kind'], fromSeq: number, toSeq: number, source: ChainFinding['source'] = 'chain', heldSeq: number | null = null) =>
    findings.push({ kind, fromSeq, toSeq, source, heldSeq });

  let confirmed = 0;
  for (const h of heads) {
    if (h.seq > w.lastSeq) add('truncated', w.lastSeq + 1, h.seq, h.source, h.seq);
    else if (w.hashAt.get(h.seq) !== h.hash) add('rewritten', h.seq, h.seq, h.source, h.seq);
    else confirmed = Math.max(confirmed, h.seq);
  }
  if (seal && w.lastSeq < seal.since) add('truncated', w.lastSeq + 1, seal.since, 'keychain', seal.since);
  for (const [from, to] of w.missing) add('removed', from, to);
  for (const [from, to] of ranges(w.foreign)) add('unverifiable', from, to);
  for (const [from, to] of ranges(w.bad)) {
    if (seal && from <= seal.since && seal.since <= to) add('rewritten', from, to);
    else if (to === w.lastSeq) add(from > confirmed ? 'extended' : 'rewritten', from, to);
    else add('edited', from, to);
  }
  const broken = findings.filter((f) => f.kind !== 'truncated').map((f) => f.fromSeq);
  return {
    intact: findings.length === 0,
    entries: w.entries,
    lastSeq: w.lastSeq,
    firstBrokenSeq: broken.length ? Math.min(...broken) : null,
    findings: findings.sort((a, b) => a.fromSeq - b.fromSeq).slice(0, maxFindings),
    sealedFrom: seal?.since ?? null,
  };
}
