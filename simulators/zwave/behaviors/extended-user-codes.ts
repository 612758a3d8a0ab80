import { validatePayload } from '@zwave-js/core';
import { UserCodeCCExtendedUserCodeGet, UserCodeCCExtendedUserCodeReport, UserIDStatus, type UserCode } from 'zwave-js';

/*
 * zwave-js 15 sends Extended User Code Get and reads the Report, but cannot do the lock's side:
 * it does not parse a Get (its `from` throws "deserialization not implemented", so the frame
 * never reaches a mock lock) and a Report it builds carries no payload. The simulated lock does
 * both as User Code CC v2 lays them out.
 */

type Parse = typeof UserCodeCCExtendedUserCodeGet.from;

/** Get: the user identifier (2 bytes, MSB first), then Report More in bit 0. */
const parseExtendedGet: Parse = (raw, ctx) => {
  validatePayload(raw.payload.length >= 3);
  return new UserCodeCCExtendedUserCodeGet({ nodeId: ctx.sourceNodeId, userId: raw.payload.readUInt16BE(0), reportMore: (raw.payload[2]! & 0b1) === 1 });
};

/** Teaches zwave-js to parse the Get (once; the product only ever sends one, never parses it). */
export function parseExtendedUserCodeGets(): void {
  if (UserCodeCCExtendedUserCodeGet.from !== parseExtendedGet) UserCodeCCExtendedUserCodeGet.from = parseExtendedGet;
}

/**
 * Report: the number of codes, then per code its user identifier (2 bytes), status, code length
 * (low 4 bits) and digits, then the next user identifier (2 bytes; 0 when none follows).
 */
export function extendedUserCodeReport(nodeId: number, userCodes: readonly UserCode[], nextUserId: number): UserCodeCCExtendedUserCodeReport {
  const entries = userCodes.map((c) => {
    const digits = c.userIdStatus === UserIDStatus.Available || c.userCode === undefined ? new Uint8Array() : typeof c.userCode === 'string' ? Buffer.from(c.userCode, 'ascii') : c.userCode;
    return Buffer.concat([Buffer.from([c.userId >> 8, c.userId & 0xff, c.userIdStatus, digits.length & 0x0f]), digits]);
  });
  const payload = Buffer.concat([Buffer.from([userCodes.length]), ...entries, Buffer.from([nextUserId >> 8, nextUserId & 0xff])]);
  // The payload goes in as any CC's constructor takes one: the Report's own options do not name it.
  const options = { nodeId, userCodes: [...userCodes], nextUserId, payload };
  return new UserCodeCCExtendedUserCodeReport(options);
}
