import { randomUUID } from 'node:crypto';
import type { Guest } from '../../shared/domain';
import type { Db } from '../store/database';

/** The same person (same phone, same name) is one guest across their credentials. */
export function upsertGuest(db: Db, g: Omit<Guest, 'id'>, at: string): Guest {
  const existing = db
    .prepare('SELECT id, name, phone_e164 AS phone, company FROM guests WHERE phone_e164 = ? AND lower(name) = lower(?)')
    .get(g.phone, g.name) as Guest | undefined;
  if (existing) {
    if (g.company && g.company !== existing.company)
      db.prepare('UPDATE guests SET company = ? WHERE id = ?').run(g.company, existing.id);
    return { ...existing, company: g.company ?? existing.company };
  }
  const id = `guest_${randomUUID()}`;
  db.prepare('INSERT INTO guests (id, name, phone_e164, company, created_at) VALUES (?, ?, ?, ?, ?)').run(
    id,
    g.name,
    g.phone,
    g.company,
    at,
  );
  return { id, ...g };
}
