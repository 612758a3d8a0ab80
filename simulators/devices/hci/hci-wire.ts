/**
 * HCI packets as they cross the H4 transport (Bluetooth Core, Vol 4 Part A): one type octet, then
 * the packet. Builders for what the simulated controller sends to the host; opcodes and event
 * codes it answers. Pure.
 */

export const H4 = { command: 0x01, acl: 0x02, event: 0x04 } as const;

/** Opcode = OGF << 10 | OCF. Only the commands the controller knows by name. */
export const Opcode = {
  disconnect: 0x0406,
  readRemoteVersion: 0x041d,
  setEventMask: 0x0c01,
  reset: 0x0c03,
  setEventFilter: 0x0c05,
  readLeHostSupported: 0x0c6c,
  writeLeHostSupported: 0x0c6d,
  readLocalVersion: 0x1001,
  readLocalCommands: 0x1002,
  readLocalFeatures: 0x1003,
  readBufferSize: 0x1005,
  readBdAddr: 0x1009,
  readRssi: 0x1405,
  leSetEventMask: 0x2001,
  leReadBufferSize: 0x2002,
  leReadLocalFeatures: 0x2003,
  leSetRandomAddress: 0x2005,
  leSetScanParameters: 0x200b,
  leSetScanEnable: 0x200c,
  leCreateConnection: 0x200d,
  leCreateConnectionCancel: 0x200e,
  leReadFilterAcceptListSize: 0x200f,
  leClearFilterAcceptList: 0x2010,
  leConnectionUpdate: 0x2013,
  leReadRemoteFeatures: 0x2016,
  leSetDataLength: 0x2022,
  leReadMaxDataLength: 0x202f,
  leSetDefaultPhy: 0x2031,
} as const;

export const EventCode = {
  disconnectionComplete: 0x05,
  readRemoteVersionComplete: 0x0c,
  commandComplete: 0x0e,
  commandStatus: 0x0f,
  numberOfCompletedPackets: 0x13,
  leMeta: 0x3e,
} as const;

export const LeSubevent = {
  connectionComplete: 0x01,
  advertisingReport: 0x02,
  connectionUpdateComplete: 0x03,
} as const;

/** HCI error codes (Vol 1 Part F) the controller uses. */
export const HciStatus = {
  success: 0x00,
  unknownCommand: 0x01,
  unknownConnection: 0x02,
  connectionTimeout: 0x08,
  connectionAlreadyExists: 0x0b,
  commandDisallowed: 0x0c,
  invalidParameters: 0x12,
  remoteUserTerminated: 0x13,
  localHostTerminated: 0x16,
} as const;

/** ACL packet boundary flags: the host starts with 0b00, the controller with 0b10; 0b01 continues. */
export const AclBoundary = { firstNonFlushable: 0b00, continuing: 0b01, firstFlushable: 0b10 } as const;

/** The controller may take one command at a time (Num_HCI_Command_Packets in every answer). */
const commandCredits = 1;

export function hciEvent(code: number, params: Uint8Array): Uint8Array {
  if (params.length > 255) throw new RangeError(`HCI event 0x${code.toString(16)} too long: ${params.length}`);
  return Uint8Array.of(H4.event, code, params.length, ...params);
}

export function commandComplete(opcode: number, status: number, returned: Uint8Array = new Uint8Array()): Uint8Array {
  return hciEvent(EventCode.commandComplete, Uint8Array.of(commandCredits, opcode & 0xff, opcode >> 8, status, ...returned));
}

export function commandStatus(opcode: number, status: number): Uint8Array {
  return hciEvent(EventCode.commandStatus, Uint8Array.of(status, commandCredits, opcode & 0xff, opcode >> 8));
}

export function leMetaEvent(subevent: number, params: Uint8Array): Uint8Array {
  return hciEvent(EventCode.leMeta, Uint8Array.of(subevent, ...params));
}

export function disconnectionComplete(handle: number, reason: number): Uint8Array {
  return hciEvent(EventCode.disconnectionComplete, Uint8Array.of(HciStatus.success, ...u16(handle), reason));
}

export function numberOfCompletedPackets(handle: number, count: number): Uint8Array {
  return hciEvent(EventCode.numberOfCompletedPackets, Uint8Array.of(1, ...u16(handle), ...u16(count)));
}

export function aclPacket(handle: number, boundary: number, payload: Uint8Array): Uint8Array {
  const header = handle | (boundary << 12);
  return Uint8Array.of(H4.acl, ...u16(header), ...u16(payload.length), ...payload);
}

export function u16(value: number): [number, number] {
  return [value & 0xff, (value >> 8) & 0xff];
}

export function readU16(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

/** 'aa:bb:cc:dd:ee:ff' to the six octets HCI carries, least significant first. */
export function addressOctets(address: string): Uint8Array {
  const octets = address.split(':').map((part) => Number.parseInt(part, 16));
  if (octets.length !== 6 || octets.some((octet) => !(octet >= 0 && octet <= 0xff))) {
    throw new RangeError(`Not a Bluetooth address: ${address}`);
  }
  return Uint8Array.from(octets.reverse());
}

export function addressFromOctets(octets: Uint8Array): string {
  return [...octets].reverse().map((octet) => octet.toString(16).padStart(2, '0')).join(':');
}
