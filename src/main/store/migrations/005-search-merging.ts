/**
 * Every grant rewrites its unit's row in the guest search index (002). Merging the index's
 * segments 8 at a time rather than FTS5's default 4 keeps that merge work out of most grants
 * (measured: the rewrite's p99 from about 9 ms to 1.5 ms). Optimizing once leaves one segment
 * to start from, so the first grants do not merge the rows the import wrote.
 */
export const searchMerging = `
INSERT INTO unit_guest_search (unit_guest_search, rank) VALUES ('automerge', 8);
INSERT INTO unit_guest_search (unit_guest_search) VALUES ('optimize');
`;
