/**
 * The Porter lock's GATT service (docs/protocols/ble-lock.md). 128-bit UUIDs on one base of
 * our own, differing in bytes 2..3 as vendor services do; spelled as noble spells them.
 */
export const lockServiceUuid = '270d000139404371ad2e2119ed2fe18a';
/** Written by the console with Write Request: one segment of a message per write. */
export const controlPointUuid = '270d000239404371ad2e2119ed2fe18a';
/** Notified by the lock: one segment of a message per notification. */
export const responseUuid = '270d000339404371ad2e2119ed2fe18a';
/** Read in the clear before any handshake: protocol version, commissioned, serial, model, firmware. */
export const lockInfoUuid = '270d000439404371ad2e2119ed2fe18a';

/** Bluetooth SIG company id 0xFFFF, reserved for testing: a placeholder until the maker's own. */
export const testCompanyId = 0xffff;

/** The local name in SCAN_RSP: the service UUID takes 18 of its 31 bytes, which leaves 11 characters. */
export const lockLocalName = 'Porter Lock';

/** The lock protocol this console speaks (Lock Info's first byte, the advertisement's format byte). */
export const bleLockProtocolVersion = 1;
