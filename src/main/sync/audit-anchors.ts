import type { AuditHead } from '../../shared/domain';
import { AnchorAnswer, LatestAnchor } from '../../shared/sync';
import { auditHead } from '../store/audit-log';
import { auditHashAt, readAnchored, writeAnchored } from '../store/audit-anchor-repo';
import type { Db } from '../store/database';
import { CloudFailure, request } from './cloud-client';

/** The console's side of Audit anchors (docs/sync-api.md). */
export interface AnchorClient {
  /** 'refused': the cloud holds another head for this console (409 anchor_conflict). */
  post(head: AuditHead, previous: AuditHead | null): Promise<'taken' | 'refused'>;
  latest(): Promise<AuditHead | null>;
}

export function anchorClient(baseUrl: string, token: string, fetchFn: typeof fetch = fetch): AnchorClient {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const url = new URL('/v1/audit-anchors', baseUrl).toString();
  return {
    async post(head, previous) {
      try {
        await request(url, { method: 'POST', headers, body: JSON.stringify({ seq: head.seq, hash: head.hash, previous }) }, fetchFn, AnchorAnswer);
        return 'taken';
      } catch (error) {
        if (error instanceof CloudFailure && error.kind === 'conflict') return 'refused';
        throw error;
      }
    },
    async latest() {
      const { latest } = await request(url, { headers }, fetchFn, LatestAnchor);
      return latest ? { seq: latest.seq, hash: latest.hash } : null;
    },
  };
}

/** A head the cloud refused, not sent again until the log moves on. */
export interface AnchorState {
  refused: string | null;
}

/**
 * After a sync round: tells the cloud the log's head, chained to the head it took last, so a
 * log later cut short or rewritten disagrees with the cloud ("Verify audit chain" asks it).
 * A refusal with a stale record of the cloud's latest (a settings row restored from a
 * backup) is settled by asking the cloud and chaining to its latest, if this log holds that
 * entry as recorded. Otherwise the log diverged from what the cloud holds: nothing more is
 * sent, and verification reports it.
 */
export async function anchorAuditHead(db: Db, client: AnchorClient, state: AnchorState): Promise<void> {
  const head = auditHead(db);
  const last = readAnchored(db);
  if (!head || (last?.seq === head.seq && last.hash === head.hash) || state.refused === head.hash) return;
  // Chained to the last head as this log holds it now, not as recorded: a log rewritten or cut
  // short since no longer shows that entry, and the cloud refuses the new head.
  const held = last ? auditHashAt(db, last.seq) : null;
  if ((await client.post(head, last && held ? { seq: last.seq, hash: held } : null)) === 'taken') return writeAnchored(db, head);
  const latest = await client.latest();
  if (latest && auditHashAt(db, latest.seq) === latest.hash && (await client.post(head, latest)) === 'taken') return writeAnchored(db, head);
  state.refused = head.hash;
}

/** What the cloud holds of this log, for verification: its latest head, or why there is none. */
export type CloudHead = { state: 'checked'; head: AuditHead } | { state: 'no_anchor' | 'unreachable' | 'not_set_up' };
