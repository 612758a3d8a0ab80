import type { CredentialExposure, RevocationExposure } from '../../shared/domain';
import type { Db } from '../store/database';
import { communityExposureRows, unitExposureRows, type ExposureRow } from '../store/exposure-repo';

/**
 * How many of the longest exposed credentials the community's answer names. The figure counts
 * them all; the list behind it is for reading, and a building whose doors missed a round can
 * hold thousands (3.4 MB and over a second of the core's time at 10,000 units, named in full).
 */
export const exposureListLimit = 100;

/**
 * Revocation exposure (issue 16): every credential that ended and the doors that still hold
 * it, since it ended, across every link kind (a technician's round, Bluetooth, live Z-Wave).
 * The community's figure with its longest exposed credentials, oldest first; or, with `unitId`,
 * every one of that unit's (the unit panel).
 */
export function revocationExposure(db: Db, unitId: string | null = null): RevocationExposure {
  if (unitId === null) {
    const { summary, rows } = communityExposureRows(db, exposureListLimit);
    return { ...summary, credentials: byCredential(rows) };
  }
  const credentials = byCredential(unitExposureRows(db, unitId));
  const doors = new Set(credentials.flatMap((c) => c.doors.map((d) => d.doorId)));
  return { credentialCount: credentials.length, doorCount: doors.size, oldestSince: credentials[0]?.endedAt ?? null, credentials };
}

/** Rows (one per door, ordered by credential) folded into one entry per credential. */
function byCredential(rows: ExposureRow[]): CredentialExposure[] {
  const credentials = new Map<string, CredentialExposure>();
  for (const r of rows) {
    const door = { doorId: r.doorId, doorName: r.doorName, link: r.link, since: r.endedAt };
    const known = credentials.get(r.credentialId);
    if (known) known.doors.push(door);
    else
      credentials.set(r.credentialId, {
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
  return [...credentials.values()];
}
