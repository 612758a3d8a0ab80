import { z } from 'zod';
import { Timestamp } from '../domain';

/* Audit anchors (docs/sync-api.md): a console's audit-log head, kept by the cloud. */

export const AuditHead = z.object({
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits'),
});

export const AnchorRequest = z.object({
  seq: AuditHead.shape.seq,
  hash: AuditHead.shape.hash,
  /** The head the console last had taken (the cloud's latest); null for its first. */
  previous: AuditHead.nullable(),
});

export const Anchor = AuditHead.extend({ receivedAt: Timestamp });
export const AnchorAnswer = z.object({ anchor: Anchor });
export const LatestAnchor = z.object({ latest: Anchor.nullable() });
