import fs from 'node:fs';
import { revocationExposure } from '../src/main/access/revocation-exposure';
import { revokeCredential } from '../src/main/access/revoke-credential';
import { sealAuditLogNow } from '../src/main/activity/seal-audit-log';
import { processSecrets } from '../src/main/secrets/memory-secret-store';
import { getCommunity } from '../src/main/store/community-repo';
import { openDatabase } from '../src/main/store/database';
import { pendingDoors } from '../src/main/store/hardware-repo';
import { freshScaleDataDir } from './scale-data';
import { latencyFigures, timeEach, type Figure } from './stats';

/**
 * Revocation exposure on the scale community: every door programmed with what it holds now,
 * then `revoked` live credentials revoked, so each of their doors (unit doors, entrances,
 * gates, amenities) still holds one. Times the one query behind the Units page's figure and
 * the technician's round ordered by exposure.
 */
export async function exposureFigures(units: number, revoked = 500): Promise<Figure[]> {
  const dataDir = freshScaleDataDir(units);
  const db = openDatabase({ dataDir });
  try {
    sealAuditLogNow(db, processSecrets, () => new Date());
    const programmedAt = new Date().toISOString();
    // The bench may shape a store with SQL: every door holds its table as of now.
    db.prepare('UPDATE doors SET reported_version = desired_version, reported_at = ?, desired_changed_at = NULL').run(programmedAt);
    const ids = db.prepare(`SELECT id FROM credentials WHERE ended_at IS NULL ORDER BY id LIMIT ?`).pluck().all(revoked) as string[];
    // Revoked a minute after the doors were programmed.
    const ctx = { db, now: () => new Date(Date.parse(programmedAt) + 60_000), community: () => getCommunity(db) };
    const actor = { id: 'avery', name: 'Avery Brooks', role: 'admin' } as const;
    for (const credentialId of ids) revokeCredential(ctx, actor, { credentialId });
    const exposure = revocationExposure(db);
    return [
      { name: 'exposure.ended_credentials', value: exposure.credentials.length, unit: 'count' },
      { name: 'exposure.doors', value: exposure.doorCount, unit: 'count' },
      ...latencyFigures('exposure.community_query', await timeEach(30, () => revocationExposure(db))),
      ...latencyFigures('exposure.round_order', await timeEach(30, () => pendingDoors(db))),
    ];
  } finally {
    db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
