import type { ChainVerification, VerifyRequest } from '../../shared/domain';
import { verifyAuditChain, type OutsideHead } from '../store/audit-verify';
import type { Db } from '../store/database';
import type { CloudHead } from '../sync/audit-anchors';

/**
 * "Verify audit chain": the log checked against itself (every entry's seal and link), and
 * against the heads recorded outside it: the cloud's latest anchor, asked for now (a copy in
 * this store could be tampered with too), and an earlier export's closing line if given.
 */
export async function verifyActivity(db: Db, cloudHead: (() => Promise<CloudHead>) | null, request: VerifyRequest): Promise<ChainVerification> {
  const cloud: CloudHead = cloudHead ? await cloudHead() : { state: 'not_set_up' };
  const heads: OutsideHead[] = [];
  if (cloud.state === 'checked') heads.push({ source: 'cloud', ...cloud.head });
  if (request.exportHead) heads.push({ source: 'export', ...request.exportHead });
  return {
    ...verifyAuditChain(db, heads),
    cloud: { state: cloud.state, seq: cloud.state === 'checked' ? cloud.head.seq : null },
    exportSeq: request.exportHead?.seq ?? null,
  };
}
