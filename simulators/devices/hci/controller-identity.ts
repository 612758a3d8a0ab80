import { LE_ACL_BUFFER_COUNT, LE_ACL_BUFFER_SIZE } from './controller-timing';
import { addressOctets, Opcode, u16 } from './hci-wire';

/**
 * Answers to the commands whose Command Complete depends on nothing but who the controller is:
 * a Bluetooth 5.0 LE-only controller without extended advertising or Data Length Extension
 * (noble switches to extended commands or per-link data length if the features say so).
 */
export function identityAnswer(opcode: number, address: string): Uint8Array | null {
  switch (opcode) {
    case Opcode.setEventMask:
    case Opcode.setEventFilter:
    case Opcode.writeLeHostSupported:
    case Opcode.leSetEventMask:
    case Opcode.leSetRandomAddress:
    case Opcode.leClearFilterAcceptList:
    case Opcode.leSetDefaultPhy:
      return new Uint8Array();
    case Opcode.readLocalVersion:
      // HCI 5.0 (noble refuses below 4.0 = 6); manufacturer 0xffff, the SIG's id for tests.
      return Uint8Array.of(0x09, ...u16(0x0001), 0x09, ...u16(0xffff), ...u16(0x0001));
    case Opcode.readLocalCommands:
      return new Uint8Array(64);
    case Opcode.readLocalFeatures:
      // LE supported (controller), BR/EDR not supported: octet 4 bits 6 and 5.
      return Uint8Array.of(0, 0, 0, 0, 0x60, 0, 0, 0);
    case Opcode.readBufferSize:
      return Uint8Array.of(...u16(LE_ACL_BUFFER_SIZE), 0, ...u16(LE_ACL_BUFFER_COUNT), ...u16(0));
    case Opcode.readBdAddr:
      return addressOctets(address);
    case Opcode.readLeHostSupported:
      return Uint8Array.of(0x01, 0x00);
    case Opcode.leReadBufferSize:
      return Uint8Array.of(...u16(LE_ACL_BUFFER_SIZE), LE_ACL_BUFFER_COUNT);
    case Opcode.leReadLocalFeatures:
      // LE Encryption only.
      return Uint8Array.of(0x01, 0, 0, 0, 0, 0, 0, 0);
    case Opcode.leReadFilterAcceptListSize:
      return Uint8Array.of(8);
    default:
      return null;
  }
}
