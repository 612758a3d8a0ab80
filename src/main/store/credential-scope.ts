/**
 * Granted by a kiosk on this console, over the credentials table aliased `c`: not leasing's grant
 * made at the same desk, not one received from another console, not one whose granter's role is
 * unknown. What a kiosk's scope (src/shared/credential-scope.ts) lists and finds.
 */
export const kioskGrantedSql = "(c.granted_role = 'kiosk' AND c.origin_console IS NULL)";
