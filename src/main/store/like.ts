/** Makes typed text match literally in `LIKE ... ESCAPE '\'`: % and _ are not wildcards. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `%text%` for a search box. */
export function containing(text: string): string {
  return `%${escapeLike(text)}%`;
}

/** Typed search text as it is matched: one rule for the core's search and the renderer's instant one. */
export { searchText } from '../../shared/unit-directory';
