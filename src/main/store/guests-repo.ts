import type { Guest } from '../../shared/domain';
import type { Db } from './database';
import { statement } from './statement';

// `+?`: a fixed plan, not planned again for every phone (a pull asks once per grant, statement.ts).
export const sameGuest = statement<[phone: string, name: string], Guest>(
  'SELECT id, name, phone_e164 AS phone, company FROM guests WHERE phone_e164 = +? AND lower(name) = lower(?)',
);

/** The guest with this phone number and name (in any case), if any. */
export function findGuest(db: Db, phone: string, name: string): Guest | null {
  return sameGuest(db).get(phone, name) ?? null;
}

const company = statement<[company: string, guestId: string]>('UPDATE guests SET company = ? WHERE id = ?');

export function setGuestCompany(db: Db, guestId: string, name: string): void {
  company(db).run(name, guestId);
}

const insert = statement<[id: string, name: string, phone: string, company: string | null, at: string]>(
  'INSERT INTO guests (id, name, phone_e164, company, created_at) VALUES (?, ?, ?, ?, ?)',
);

export function insertGuest(db: Db, guest: Guest, at: string): void {
  insert(db).run(guest.id, guest.name, guest.phone, guest.company, at);
}
