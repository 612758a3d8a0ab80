/**
 * A text's link to the code's page carries a random token; the outbox keeps its SHA-256,
 * unique, so the page finds the text (and its credential) by it and by nothing guessable.
 */
export const guestLinks = `
ALTER TABLE text_outbox ADD COLUMN link_token_hash text;
CREATE UNIQUE INDEX text_outbox_link ON text_outbox (link_token_hash) WHERE link_token_hash IS NOT NULL;
`;
