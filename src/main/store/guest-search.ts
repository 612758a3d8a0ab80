/**
 * SQL and parameters that find guests by what staff type in a search box: part of a name or
 * company, or a phone number in any format (compared digit by digit with the E.164 form).
 * Three characters or more use a trigram index; shorter text falls back to LIKE.
 */
import { containing, searchText } from './like';

export interface GuestMatch {
  /** A condition on a guests table aliased `g` (guestMatch) or a units table `u` (unitGuestMatch). */
  sql: string;
  params: Record<string, unknown>;
  /** True when the match comes from a trigram index (three characters or more), false for LIKE. */
  trigram: boolean;
}

/** FTS5 query text: a phrase, with its double quotes doubled, so nothing in it is syntax. */
function phrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** What the typed text is searched as: phone digits, a name or company, or too short for trigrams. */
type Terms = { by: 'phone'; digits: string } | { by: 'text'; text: string } | { by: 'short'; text: string };

function terms(search: string): Terms {
  const text = searchText(search);
  const digits = text.replace(/\D/g, '');
  if (digits.length >= 3 && digits.length >= text.replace(/[\s()+.-]/g, '').length) return { by: 'phone', digits };
  return text.length >= 3 ? { by: 'text', text } : { by: 'short', text };
}

/** Guests by name, company or phone: the Access page's search over credentials. */
export function guestMatch(search: string): GuestMatch {
  const t = terms(search);
  const fts = 'g.rowid IN (SELECT rowid FROM guest_search WHERE guest_search MATCH @guestQuery)';
  if (t.by === 'phone') return { sql: fts, params: { guestQuery: `phone : ${phrase(t.digits)}` }, trigram: true };
  if (t.by === 'text') return { sql: fts, params: { guestQuery: `{name company} : ${phrase(t.text)}` }, trigram: true };
  return { sql: "(g.name LIKE @guestLike ESCAPE '\\' OR g.company LIKE @guestLike ESCAPE '\\')", params: { guestLike: containing(t.text) }, trigram: false };
}

/**
 * Units where a guest holding a live credential matches, by the same rules as guestMatch:
 * through unit_guests (migration 2), one row per unit, so the grid does not hop from every
 * matching guest to their credentials to their units.
 */
export function unitGuestMatch(search: string): GuestMatch {
  const t = terms(search);
  const fts = `u.id IN (SELECT unit_id FROM unit_guests WHERE id IN (
    SELECT rowid FROM unit_guest_search WHERE unit_guest_search MATCH @guestQuery))`;
  if (t.by === 'phone') return { sql: fts, params: { guestQuery: `phones : ${phrase(t.digits)}` }, trigram: true };
  if (t.by === 'text') return { sql: fts, params: { guestQuery: `{names companies} : ${phrase(t.text)}` }, trigram: true };
  return {
    sql: `u.id IN (SELECT unit_id FROM unit_guests WHERE names LIKE @guestLike ESCAPE '\\' OR companies LIKE @guestLike ESCAPE '\\')`,
    params: { guestLike: containing(t.text) },
    trigram: false,
  };
}
