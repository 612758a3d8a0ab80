/**
 * Handing a code over while the text waits (issue 17): a console with no cloud cannot text
 * the guest, so staff may see the PIN once, or print it on a card. Once per credential: the
 * columns say when, by whom and how, and the audit log says the same in words.
 */
export const codeHandOver = `
ALTER TABLE credentials ADD COLUMN code_handed_over_at TEXT;
ALTER TABLE credentials ADD COLUMN code_handed_over_by TEXT;
ALTER TABLE credentials ADD COLUMN code_handed_over_how TEXT CHECK (code_handed_over_how IN ('shown', 'printed'));
`;
