import type { PeripheralLink } from '../../../src/main/devices/ble/gatt';
import { AttType, sameOctets, uuid16, uuidOctets, type Attribute } from './att-table';
import { readU16, u16 } from './hci-wire';
import { PreparedWrites } from './prepared-writes';

/** ATT opcodes (Vol 3 Part F 3.4.8). */
export const AttOp = {
  error: 0x01, mtuRequest: 0x02, mtuResponse: 0x03, findInformationRequest: 0x04, findInformationResponse: 0x05,
  readByTypeRequest: 0x08, readByTypeResponse: 0x09, readRequest: 0x0a, readResponse: 0x0b,
  readBlobRequest: 0x0c, readBlobResponse: 0x0d, readByGroupTypeRequest: 0x10, readByGroupTypeResponse: 0x11,
  writeRequest: 0x12, writeResponse: 0x13, prepareWriteRequest: 0x16, prepareWriteResponse: 0x17,
  executeWriteRequest: 0x18, executeWriteResponse: 0x19, notification: 0x1b, confirmation: 0x1e, writeCommand: 0x52,
} as const;

/** ATT error codes. Avoid 0x05, 0x08, 0x0f: noble answers them by pairing, which no lock asks for. */
export const AttError = {
  invalidHandle: 0x01, readNotPermitted: 0x02, writeNotPermitted: 0x03, invalidPdu: 0x04, requestNotSupported: 0x06,
  invalidOffset: 0x07, prepareQueueFull: 0x09, attributeNotFound: 0x0a, invalidLength: 0x0d, unsupportedGroupType: 0x10,
} as const;

export const ATT_DEFAULT_MTU = 23;
const maxValueLength = 512;

class AttRefusal {
  constructor(readonly code: number, readonly handle: number) {}
}

/**
 * The GATT server of one connected peripheral: answers the central's ATT requests from the
 * attribute table and sends its notifications. `send` queues one ATT PDU toward the central.
 */
export class AttServer {
  mtu = ATT_DEFAULT_MTU;
  private readonly subscribed = new Map<number, number>();
  private readonly prepared = new PreparedWrites(maxValueLength);

  constructor(
    private readonly table: readonly Attribute[],
    private readonly maxMtu: number,
    private readonly link: PeripheralLink,
    private readonly send: (pdu: Uint8Array) => void,
  ) {}

  receive(pdu: Uint8Array): void {
    const opcode = pdu[0];
    if (opcode === undefined) return;
    try {
      this.answer(opcode, pdu);
    } catch (error) {
      if (!(error instanceof AttRefusal)) throw error;
      this.send(Uint8Array.of(AttOp.error, opcode, ...u16(error.handle), error.code));
    }
  }

  /** A Handle Value Notification, when the central has enabled them. */
  notify(characteristicUuid: string, value: Uint8Array): void {
    const wanted = uuidOctets(characteristicUuid);
    const attribute = this.table.find((a) => a.kind === 'value' && a.characteristic.properties.includes('notify') && sameOctets(a.type, wanted));
    if (!attribute) throw new Error(`No notifying characteristic ${characteristicUuid}`);
    if (value.length > this.mtu - 3) throw new RangeError(`Notification of ${value.length} bytes exceeds ATT_MTU ${this.mtu} - 3`);
    if (((this.subscribed.get(attribute.handle) ?? 0) & 0x0001) === 0) return;
    this.send(Uint8Array.of(AttOp.notification, ...u16(attribute.handle), ...value));
  }

  private answer(opcode: number, pdu: Uint8Array): void {
    switch (opcode) {
      case AttOp.mtuRequest:
        this.mtu = Math.max(ATT_DEFAULT_MTU, Math.min(readU16(pdu, 1), this.maxMtu));
        return this.send(Uint8Array.of(AttOp.mtuResponse, ...u16(this.maxMtu)));
      case AttOp.findInformationRequest:
        return this.send(this.findInformation(pdu));
      case AttOp.readByTypeRequest:
        return this.send(this.readByType(pdu));
      case AttOp.readByGroupTypeRequest:
        return this.send(this.readByGroupType(pdu));
      case AttOp.readRequest:
        return this.send(Uint8Array.of(AttOp.readResponse, ...this.read(readU16(pdu, 1)).subarray(0, this.mtu - 1)));
      case AttOp.readBlobRequest:
        return this.send(this.readBlob(readU16(pdu, 1), readU16(pdu, 3)));
      case AttOp.writeRequest:
        return this.write(readU16(pdu, 1), pdu.slice(3), 'write');
      case AttOp.writeCommand:
        return this.writeCommand(readU16(pdu, 1), pdu.slice(3));
      case AttOp.prepareWriteRequest:
        return this.prepareWrite(pdu);
      case AttOp.executeWriteRequest:
        return this.executeWrite(pdu[1] === 0x01);
      case AttOp.confirmation:
        return;
      default:
        // Commands (bit 6) get no answer, not even an error; unknown requests are refused.
        if ((opcode & 0x40) === 0) throw new AttRefusal(AttError.requestNotSupported, 0);
    }
  }

  private range(pdu: Uint8Array): { start: number; end: number } {
    const start = readU16(pdu, 1);
    const end = readU16(pdu, 3);
    if (start === 0 || start > end) throw new AttRefusal(AttError.invalidHandle, start);
    return { start, end };
  }

  private inRange(pdu: Uint8Array): Attribute[] {
    const { start, end } = this.range(pdu);
    const found = this.table.filter((a) => a.handle >= start && a.handle <= end);
    if (found.length === 0) throw new AttRefusal(AttError.attributeNotFound, start);
    return found;
  }

  private findInformation(pdu: Uint8Array): Uint8Array {
    const found = this.inRange(pdu);
    const typeLength = found[0]!.type.length;
    const entries = fitting(found.filter((a) => a.type.length === typeLength), 2 + typeLength, this.mtu - 2);
    return Uint8Array.of(AttOp.findInformationResponse, typeLength === 2 ? 0x01 : 0x02, ...entries.flatMap((a) => [...u16(a.handle), ...a.type]));
  }

  private readByType(pdu: Uint8Array): Uint8Array {
    const type = pdu.slice(5);
    const found = this.inRange(pdu).filter((a) => sameOctets(a.type, type));
    if (found.length === 0) throw new AttRefusal(AttError.attributeNotFound, readU16(pdu, 1));
    const limit = Math.min(this.mtu - 4, 253);
    const values = found.map((a) => ({ handle: a.handle, value: this.read(a.handle).subarray(0, limit) }));
    const length = values[0]!.value.length;
    const entries = fitting(values.filter((v) => v.value.length === length), 2 + length, this.mtu - 2);
    return Uint8Array.of(AttOp.readByTypeResponse, 2 + length, ...entries.flatMap((e) => [...u16(e.handle), ...e.value]));
  }

  private readByGroupType(pdu: Uint8Array): Uint8Array {
    const type = pdu.slice(5);
    if (!sameOctets(type, uuid16(AttType.primaryService)) && !sameOctets(type, uuidOctets('00002800-0000-1000-8000-00805f9b34fb'))) {
      throw new AttRefusal(AttError.unsupportedGroupType, readU16(pdu, 1));
    }
    const services = this.inRange(pdu).filter((a) => a.kind === 'service');
    if (services.length === 0) throw new AttRefusal(AttError.attributeNotFound, readU16(pdu, 1));
    const length = services[0]!.value.length;
    const entries = fitting(services.filter((s) => s.value.length === length), 4 + length, this.mtu - 2);
    return Uint8Array.of(AttOp.readByGroupTypeResponse, 4 + length, ...entries.flatMap((s) => [...u16(s.handle), ...u16(s.endHandle), ...s.value]));
  }

  private readBlob(handle: number, offset: number): Uint8Array {
    const value = this.read(handle);
    if (offset > value.length) throw new AttRefusal(AttError.invalidOffset, handle);
    return Uint8Array.of(AttOp.readBlobResponse, ...value.subarray(offset, offset + this.mtu - 1));
  }

  private read(handle: number): Uint8Array {
    const attribute = this.attribute(handle);
    switch (attribute.kind) {
      case 'service':
      case 'declaration':
        return attribute.value;
      case 'cccd':
        return Uint8Array.from(u16(this.subscribed.get(attribute.valueHandle) ?? 0));
      case 'value': {
        const { characteristic } = attribute;
        if (!characteristic.properties.includes('read')) throw new AttRefusal(AttError.readNotPermitted, handle);
        return characteristic.onRead?.(this.link) ?? new Uint8Array();
      }
    }
  }

  private write(handle: number, value: Uint8Array, property: 'write' | 'writeWithoutResponse'): void {
    const attribute = this.writable(handle, property);
    if (value.length > maxValueLength) throw new AttRefusal(AttError.invalidLength, handle);
    if (attribute.kind === 'cccd') {
      if (value.length !== 2) throw new AttRefusal(AttError.invalidLength, handle);
      this.subscribed.set(attribute.valueHandle, readU16(value, 0));
    }
    // The response is queued before the peripheral hears the write, as a real stack answers first.
    if (property === 'write') this.send(Uint8Array.of(AttOp.writeResponse));
    if (attribute.kind === 'value') attribute.characteristic.onWrite?.(value, this.link);
  }

  private writeCommand(handle: number, value: Uint8Array): void {
    try {
      this.write(handle, value, 'writeWithoutResponse');
    } catch (error) {
      if (!(error instanceof AttRefusal)) throw error;
    }
  }

  private prepareWrite(pdu: Uint8Array): void {
    const handle = readU16(pdu, 1);
    this.writable(handle, 'write');
    const refusal = this.prepared.add(handle, readU16(pdu, 3), pdu.slice(5));
    if (refusal) throw new AttRefusal(refusal === 'queue_full' ? AttError.prepareQueueFull : AttError.invalidLength, handle);
    this.send(Uint8Array.of(AttOp.prepareWriteResponse, ...pdu.subarray(1)));
  }

  private executeWrite(commit: boolean): void {
    const writes = commit ? this.prepared.take() : (this.prepared.clear(), []);
    if (writes === 'invalid_offset') throw new AttRefusal(AttError.invalidOffset, 0);
    this.send(Uint8Array.of(AttOp.executeWriteResponse));
    for (const { handle, value } of writes) {
      const attribute = this.attribute(handle);
      if (attribute.kind === 'value') attribute.characteristic.onWrite?.(value, this.link);
    }
  }

  private writable(handle: number, property: 'write' | 'writeWithoutResponse'): Attribute {
    const attribute = this.attribute(handle);
    if (attribute.kind === 'cccd') return attribute;
    if (attribute.kind !== 'value' || !attribute.characteristic.properties.includes(property)) {
      throw new AttRefusal(AttError.writeNotPermitted, handle);
    }
    return attribute;
  }

  private attribute(handle: number): Attribute {
    const attribute = this.table[handle - 1];
    if (!attribute) throw new AttRefusal(AttError.invalidHandle, handle);
    return attribute;
  }
}

/** As many entries of `size` octets as fit in `room` (a response never splits an entry). */
function fitting<T>(entries: T[], size: number, room: number): T[] {
  return entries.slice(0, Math.max(1, Math.floor(room / size)));
}
