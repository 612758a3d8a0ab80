import type { Change, CommunityStore, ConsoleRecord } from '../store/cloud-store';

const approvalKinds = new Set(['approval.requested', 'approval.decided']);

/** What opens a door: a credential's PIN code or Bluetooth pass. */
const secrets = ['pinCode', 'blePass'] as const;
const holdsSecret = (c: Change) => secrets.some((key) => typeof c.payload[key] === 'string');

/**
 * What a console may read of the change log, by what its role may do. Consoles where staff
 * program doors (maintenance, admin) need every code; a kiosk console programs no door and
 * needs no code or pass but those it granted, nor a door's table checksum (a digest of its
 * codes). So for a kiosk, a change carrying another console's code or pass carries null
 * instead (granted, reissued, pin_changed: any payload with a credentialId and a secret), and
 * door.programmed carries `checksum: null`. The change stays in the log at its cursor, so
 * paging is unchanged. Vendor approvals are not sent to a kiosk at all.
 */
export async function scopeChanges(store: CommunityStore, console: ConsoleRecord, changes: Change[]): Promise<Change[]> {
  if (!console.kiosk) return changes;
  // A kiosk holds guests' phones and decides no request: approvals are left out of its pages
  // whole (the page's `next` is the log's, so paging is unchanged).
  changes = changes.filter((c) => !approvalKinds.has(c.kind));
  const ids = [...new Set(changes.filter(holdsSecret).map((c) => c.payload.credentialId).filter((id): id is string => typeof id === 'string'))];
  const origins = ids.length ? await store.credentialOrigins(ids) : new Map<string, string>();
  return changes.map((c) => {
    if (c.kind === 'door.programmed') return { ...c, payload: { ...c.payload, checksum: null } };
    if (!holdsSecret(c)) return c;
    const id = c.payload.credentialId;
    if (typeof id === 'string' && origins.get(id) === console.id) return c;
    const payload = { ...c.payload };
    for (const key of secrets) if (typeof payload[key] === 'string') payload[key] = null;
    return { ...c, payload };
  });
}
