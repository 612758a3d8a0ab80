/**
 * Whose credentials a query may show (src/main/access/credential-visibility.ts says who gets
 * which): all of them; only those a kiosk granted on this console; or all, with no guest's phone.
 */
export type CredentialScope = 'all' | 'kiosk-granted' | 'no-phones';

/**
 * Granted by a kiosk on this console, over the credentials table aliased `c`: not leasing's grant
 * made at the same desk, not one received from another console, not one whose granter's role is unknown.
 */
export const kioskGrantedSql = "(c.granted_role = 'kiosk' AND c.origin_console IS NULL)";
