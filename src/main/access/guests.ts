import { randomUUID } from 'node:crypto';
import type { Guest } from '../../shared/domain';
import type { Db } from '../store/database';
import { findGuest, insertGuest, setGuestCompany } from '../store/guests-repo';

/** The same person (same phone, same name) is one guest across their credentials. */
export function upsertGuest(db: Db, g: Omit<Guest, 'id'>, at: string): Guest {
  const existing = findGuest(db, g.phone, g.name);
  if (existing) {
    if (g.company && g.company !== existing.company) setGuestCompany(db, existing.id, g.company);
    return { ...existing, company: g.company ?? existing.company };
  }
  const guest = { id: `guest_${randomUUID()}`, ...g };
  insertGuest(db, guest, at);
  return guest;
}
