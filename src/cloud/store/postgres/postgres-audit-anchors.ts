import type pg from 'pg';
import type { AnchorTaken, AuditAnchor, AuditHeadInput } from '../cloud-store';
import { toAnchor, type AnchorRow } from '../rows';
import { query, row, type Queryable } from './postgres-database';


export async function latestAuditAnchor(db: Queryable, c: string, consoleId: string): Promise<AuditAnchor | null> {
  const r = await row<AnchorRow>(db, 'SELECT seq, hash, received_at FROM audit_anchors WHERE community_id = $2 AND console_id = $1 ORDER BY seq DESC LIMIT 1', [consoleId, c]);
  return r ? toAnchor(r) : null;
}

/**
 * Takes a console's new head, in the caller's transaction, which holds the console's row
 * (FOR UPDATE) so two instances cannot both chain to the same latest head. The same head
 * again is answered as held; one that goes backwards, contradicts what was recorded for its
 * seq, or does not chain to the latest is refused (the SQLite store's rules, verbatim).
 */
export async function takeAuditAnchor(client: pg.PoolClient, c: string, consoleId: string, head: AuditHeadInput, previous: AuditHeadInput | null, at: string): Promise<AnchorTaken> {
  await query(client, 'SELECT id FROM consoles WHERE community_id = $2 AND id = $1 FOR UPDATE', [consoleId, c]);
  const latest = await latestAuditAnchor(client, c, consoleId);
  if (latest && head.seq <= latest.seq) {
    const r = await row<AnchorRow>(client, 'SELECT seq, hash, received_at FROM audit_anchors WHERE community_id = $3 AND console_id = $1 AND seq = $2', [consoleId, head.seq, c]);
    if (r?.hash === head.hash) return { taken: toAnchor(r), isNew: false };
    return { refused: r ? 'contradicts' : 'backwards', latest };
  }
  if (latest && (previous?.seq !== latest.seq || previous.hash !== latest.hash)) return { refused: 'not_chained', latest };
  await query(client, 'INSERT INTO audit_anchors (community_id, console_id, seq, hash, received_at) VALUES ($1, $2, $3, $4, $5)', [c, consoleId, head.seq, head.hash, at]);
  return { taken: { seq: head.seq, hash: head.hash, receivedAt: at }, isNew: true };
}
