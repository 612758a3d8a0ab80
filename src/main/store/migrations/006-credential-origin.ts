/**
 * Which console granted a credential: null for this one, the other console's id for a grant
 * received through the cloud. A kiosk may only end or resend what it granted itself (the
 * cloud holds it to the same rule), so the console refuses at once rather than show an end
 * the cloud will not accept.
 */
export const credentialOrigin = `
ALTER TABLE credentials ADD COLUMN origin_console TEXT;
`;
