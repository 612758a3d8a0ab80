import type { GattCharacteristicDefinition, GattProperty, GattServiceDefinition } from '../../../src/main/devices/ble/gatt';

/**
 * A peripheral's attribute table, as its GATT server lays it out (Vol 3 Part G 3): per service a
 * Primary Service declaration, per characteristic a declaration, the value, and a Client
 * Characteristic Configuration descriptor when it notifies. Handles count from 1. Pure.
 */

export const AttType = {
  primaryService: 0x2800,
  characteristic: 0x2803,
  clientConfiguration: 0x2902,
  deviceName: 0x2a00,
  genericAccess: 0x1800,
} as const;

export type Attribute =
  | { handle: number; kind: 'service'; type: Uint8Array; value: Uint8Array; endHandle: number }
  | { handle: number; kind: 'declaration'; type: Uint8Array; value: Uint8Array }
  | { handle: number; kind: 'value'; type: Uint8Array; characteristic: GattCharacteristicDefinition; cccdHandle: number | null }
  | { handle: number; kind: 'cccd'; type: Uint8Array; valueHandle: number };

const propertyBits: Record<GattProperty, number> = { read: 0x02, writeWithoutResponse: 0x04, write: 0x08, notify: 0x10 };

/** 'fff1' (16-bit) or 32 hex digits (128-bit, dashes allowed) to the octets ATT carries, LSB first. */
export function uuidOctets(uuid: string): Uint8Array {
  const hex = uuid.replaceAll('-', '').toLowerCase();
  if (!/^([0-9a-f]{4}|[0-9a-f]{32})$/.test(hex)) throw new RangeError(`Not a UUID: ${uuid}`);
  const octets = hex.match(/../g)!.map((pair) => Number.parseInt(pair, 16));
  return Uint8Array.from(octets.reverse());
}

export function uuid16(value: number): Uint8Array {
  return Uint8Array.of(value & 0xff, value >> 8);
}

export function sameOctets(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((octet, i) => octet === b[i]);
}

/**
 * Lays out the Generic Access service (its Device Name is the advertised local name), then the
 * peripheral's own services in order.
 */
export function buildAttributeTable(services: readonly GattServiceDefinition[], deviceName: () => string): Attribute[] {
  const genericAccess: GattServiceDefinition = {
    uuid: '1800',
    characteristics: [{ uuid: '2a00', properties: ['read'], onRead: () => new TextEncoder().encode(deviceName()) }],
  };
  const table: Attribute[] = [];
  for (const service of [genericAccess, ...services]) {
    const declaration: Attribute = { handle: table.length + 1, kind: 'service', type: uuid16(AttType.primaryService), value: uuidOctets(service.uuid), endHandle: 0 };
    table.push(declaration);
    for (const characteristic of service.characteristics) addCharacteristic(table, characteristic);
    declaration.endHandle = table.length;
  }
  return table;
}

function addCharacteristic(table: Attribute[], characteristic: GattCharacteristicDefinition): void {
  const declarationHandle = table.length + 1;
  const valueHandle = declarationHandle + 1;
  const notifies = characteristic.properties.includes('notify');
  const properties = characteristic.properties.reduce((bits, property) => bits | propertyBits[property], 0);
  const uuid = uuidOctets(characteristic.uuid);
  table.push({ handle: declarationHandle, kind: 'declaration', type: uuid16(AttType.characteristic), value: Uint8Array.of(properties, valueHandle & 0xff, valueHandle >> 8, ...uuid) });
  table.push({ handle: valueHandle, kind: 'value', type: uuid, characteristic, cccdHandle: notifies ? valueHandle + 1 : null });
  if (notifies) table.push({ handle: valueHandle + 1, kind: 'cccd', type: uuid16(AttType.clientConfiguration), valueHandle });
}
