import type { Change, CloudStore, ConsoleRecord } from '../store/cloud-store';

/**
 * What a console may read of the change log, by what its role may do. Consoles where staff
 * program doors (maintenance, admin) need every code; a kiosk console programs no door and
 * needs no code but those it granted, nor a door's table checksum (a digest of its codes).
 * So for a kiosk, a change carrying another console's code carries `pinCode: null` instead
 * (granted, reissued, pin_changed: any payload with a credentialId and a pinCode), and
 * door.programmed carries `checksum: null`. The change stays in the log at its cursor, so
 * paging is unchanged.
 */
export async function scopeChanges(store: CloudStore, console: ConsoleRecord, changes: Change[]): Promise<Change[]> {
  if (!console.kiosk) return changes;
  const coded = changes.filter((c) => typeof c.payload.pinCode === 'string');
  const ids = [...new Set(coded.map((c) => c.payload.credentialId).filter((id): id is string => typeof id === 'string'))];
  const origins = ids.length ? await store.credentialOrigins(ids) : new Map<string, string>();
  return changes.map((c) => {
    if (c.kind === 'door.programmed') return { ...c, payload: { ...c.payload, checksum: null } };
    if (typeof c.payload.pinCode !== 'string') return c;
    const id = c.payload.credentialId;
    const own = typeof id === 'string' && origins.get(id) === console.id;
    return own ? c : { ...c, payload: { ...c.payload, pinCode: null } };
  });
}
