/**
 * SQL and parameters that find guests by what staff type in a search box: part of a name or
 * company, or a phone number in any format (compared digit by digit with the E.164 form).
 * Three characters or more use the trigram index; shorter text falls back to LIKE.
 */
import { containing } from './like';

export interface GuestMatch {
  /** A condition on a guests table aliased `g`. */
  sql: string;
  params: Record<string, unknown>;
}

/** FTS5 query text: a phrase, with its double quotes doubled, so nothing in it is syntax. */
function phrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

export function guestMatch(search: string): GuestMatch {
  const text = search.trim();
  const digits = text.replace(/\D/g, '');
  const phoneLike = digits.length >= 3 && digits.length >= text.replace(/[\s()+.-]/g, '').length;
  if (phoneLike) {
    return { sql: 'g.rowid IN (SELECT rowid FROM guest_search WHERE guest_search MATCH @guestQuery)', params: { guestQuery: `phone : ${phrase(digits)}` } };
  }
  if (text.length >= 3) {
    return { sql: 'g.rowid IN (SELECT rowid FROM guest_search WHERE guest_search MATCH @guestQuery)', params: { guestQuery: `{name company} : ${phrase(text)}` } };
  }
  return { sql: "(g.name LIKE @guestLike ESCAPE '\\' OR g.company LIKE @guestLike ESCAPE '\\')", params: { guestLike: containing(text) } };
}
