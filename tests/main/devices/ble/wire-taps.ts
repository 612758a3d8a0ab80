import type { GattConnection } from '../../../../src/main/devices/ble/gatt';
import { ReceiveTap } from '../../../../simulators/devices/ble-lock/receive-tap';

/** A connection that passes everything through and keeps what crossed the air, in hex; `afterWrite` runs once each write is answered. */
export function recording(connection: GattConnection, afterWrite: () => void = () => undefined) {
  const writes: string[] = [];
  const notifications: string[] = [];
  const recorded: GattConnection = {
    peripheralId: connection.peripheralId,
    mtu: connection.mtu,
    write: async (uuid, value, signal) => {
      writes.push(Buffer.from(value).toString('hex'));
      await connection.write(uuid, value, signal);
      afterWrite();
    },
    subscribe: (uuid, onValue) => connection.subscribe(uuid, (value) => (notifications.push(Buffer.from(value).toString('hex')), onValue(value))),
    read: (uuid, signal) => connection.read(uuid, signal),
    disconnect: () => connection.disconnect(),
    onDisconnect: (listener) => connection.onDisconnect(listener),
  };
  return { connection: recorded, writes, notifications };
}

/**
 * Someone between the lock and the console, on the lock's notifications: flips a byte of the
 * next one, or slips the previous sealed answer in again before the next message.
 */
export function manInTheMiddle(connection: GattConnection) {
  const tap = new ReceiveTap();
  const attacked: GattConnection = {
    ...recording(connection).connection,
    subscribe: (uuid, onValue) => connection.subscribe(uuid, (value) => tap.pass(value).forEach(onValue)),
  };
  return { connection: attacked, tamperNext: () => tap.tamper(), replayBeforeNext: () => tap.replay() };
}
