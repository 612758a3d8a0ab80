/** Makes typed text match literally in `LIKE ... ESCAPE '\'`: % and _ are not wildcards. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `%text%` for a search box. */
export function containing(text: string): string {
  return `%${escapeLike(text)}%`;
}

/**
 * Typed search text as it is matched: control characters (a NUL, a tab or a line break pasted
 * in) count as spaces, and the ends are trimmed. No name, number or phone holds one, and
 * FTS5 reads its query as a C string, so a NUL would cut the query short.
 */
export function searchText(typed: string | undefined): string {
  return (typed ?? '').replace(/\p{Cc}/gu, ' ').trim();
}
