import type { CredentialExposure, RevocationExposure } from '../../shared/domain';
import type { Db } from '../store/database';
import { revocationExposureRows } from '../store/exposure-repo';

/**
 * Revocation exposure (issue 16): every credential that ended and the doors that still hold
 * it, since it ended, across every link kind (a technician's round, Bluetooth, live Z-Wave).
 * One query; the rows come ordered by when the credential ended, so the longest exposed is first.
 * `unitId` narrows it to one unit's credentials (the unit panel).
 */
export function revocationExposure(db: Db, unitId: string | null = null): RevocationExposure {
  const byCredential = new Map<string, CredentialExposure>();
  const doors = new Set<string>();
  for (const r of revocationExposureRows(db, unitId)) {
    doors.add(r.doorId);
    const door = { doorId: r.doorId, doorName: r.doorName, link: r.link, since: r.endedAt };
    const known = byCredential.get(r.credentialId);
    if (known) known.doors.push(door);
    else
      byCredential.set(r.credentialId, {
        credentialId: r.credentialId,
        unitId: r.unitId,
        unitLabel: r.unitLabel,
        guestName: r.guestName,
        kind: r.kind,
        endReason: r.endReason,
        endedAt: r.endedAt,
        doors: [door],
      });
  }
  const credentials = [...byCredential.values()];
  return { credentials, doorCount: doors.size, oldestSince: credentials[0]?.endedAt ?? null };
}
