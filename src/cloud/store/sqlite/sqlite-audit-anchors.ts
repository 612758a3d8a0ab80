import type { AnchorTaken, AuditAnchor, AuditHeadInput } from '../cloud-store';
import { toAnchor, type AnchorRow } from '../rows';
import type { Db, statementCache } from './sqlite-database';

type Sql = ReturnType<typeof statementCache>;


export function latestAuditAnchor(sql: Sql, c: string, consoleId: string): AuditAnchor | null {
  const row = sql('SELECT seq, hash, received_at FROM audit_anchors WHERE community_id = ? AND console_id = ? ORDER BY seq DESC LIMIT 1').get(c, consoleId) as AnchorRow | undefined;
  return row ? toAnchor(row) : null;
}

/**
 * Takes a console's new head in one transaction. The same head again (a retry whose answer
 * was lost) is answered as held. A head at or before the latest that differs from what was
 * recorded for its seq, or a new head whose `previous` is not the latest one, is refused:
 * the log went backwards, contradicts what it said, or no longer holds the latest entry.
 */
export function takeAuditAnchor(db: Db, sql: Sql, c: string, consoleId: string, head: AuditHeadInput, previous: AuditHeadInput | null, at: string): AnchorTaken {
  return db
    .transaction((): AnchorTaken => {
      const latest = latestAuditAnchor(sql, c, consoleId);
      if (latest && head.seq <= latest.seq) {
        const row = sql('SELECT seq, hash, received_at FROM audit_anchors WHERE community_id = ? AND console_id = ? AND seq = ?').get(c, consoleId, head.seq) as AnchorRow | undefined;
        if (row?.hash === head.hash) return { taken: toAnchor(row), isNew: false };
        return { refused: row ? 'contradicts' : 'backwards', latest };
      }
      if (latest && (previous?.seq !== latest.seq || previous.hash !== latest.hash)) return { refused: 'not_chained', latest };
      sql('INSERT INTO audit_anchors (community_id, console_id, seq, hash, received_at) VALUES (?, ?, ?, ?, ?)').run(c, consoleId, head.seq, head.hash, at);
      return { taken: { seq: head.seq, hash: head.hash, receivedAt: at }, isNew: true };
    })
    .immediate();
}
