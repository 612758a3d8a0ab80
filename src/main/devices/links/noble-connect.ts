import type { Characteristic, Noble, Peripheral, Service } from '@stoprocent/noble';
import { BleLinkError } from '../ble/gatt';
import { connectionInProgress } from './noble-internals';
import { disconnectReason } from './noble-connection';

const ATT_DEFAULT_MTU = 23;

/** noble spells UUIDs in lower case without dashes, and 16-bit ones without leading zeros. */
export function nobleUuid(uuid: string): string {
  const hex = uuid.replaceAll('-', '').toLowerCase();
  return hex.length <= 4 ? Number.parseInt(hex, 16).toString(16) : hex;
}

/**
 * Creates the LE link. The controller keeps trying until the peripheral is heard; the signal
 * ends the attempt with LE Create Connection Cancel, and the lock counts as out of range.
 */
export function createLink(noble: Noble, peripheralId: string, signal: AbortSignal): Promise<Peripheral> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new BleLinkError('aborted', 'Aborted before connecting'));
    const onAbort = () => noble.cancelConnect(peripheralId);
    signal.addEventListener('abort', onAbort, { once: true });
    noble.connect(peripheralId, {}, (error, peripheral) => {
      signal.removeEventListener('abort', onAbort);
      if (!error) return resolve(peripheral);
      const why = signal.aborted ? 'was not heard before the attempt was given up' : `could not be connected (${error.message})`;
      reject(new BleLinkError('out_of_range', `Peripheral ${peripheralId} ${why}`));
    });
  });
}

/**
 * After a cancel, waits until noble has let go of the attempt, cancelling once more if the
 * first cancel overtook the LE Create Connection itself (see noble-internals).
 */
export async function settleCancelledAttempt(noble: Noble, peripheralId: string): Promise<void> {
  for (let tries = 0; tries < 5 && connectionInProgress(noble) === peripheralId; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (connectionInProgress(noble) === peripheralId) noble.cancelConnect(peripheralId);
  }
}

export interface DiscoveredService {
  characteristics: Map<string, Characteristic>;
  mtu: number;
}

/** Finds the service and its characteristics (after noble's own MTU exchange, which goes first). */
export async function discoverService(peripheral: Peripheral, serviceUuid: string, signal: AbortSignal): Promise<DiscoveredService> {
  const wanted = nobleUuid(serviceUuid);
  const services = await whileLinked<Service[]>(peripheral, signal, (done) => peripheral.discoverServices([wanted], done));
  const service = services.find((candidate) => candidate.uuid === wanted);
  if (!service) throw new BleLinkError('no_service', `Peripheral ${peripheral.id} has no service ${serviceUuid}`);
  const found = await whileLinked<Characteristic[]>(peripheral, signal, (done) => service.discoverCharacteristics([], done));
  return {
    characteristics: new Map(found.map((characteristic) => [characteristic.uuid, characteristic])),
    mtu: peripheral.mtu ?? ATT_DEFAULT_MTU,
  };
}

/** One GATT step, failing with 'disconnected' if the link drops and 'aborted' on the signal. */
function whileLinked<T>(peripheral: Peripheral, signal: AbortSignal, step: (done: (error: Error | undefined, value: T) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const cleanup = () => {
      peripheral.removeListener('disconnect', onDisconnect);
      signal.removeEventListener('abort', onAbort);
    };
    const onDisconnect = (reason: unknown) => {
      cleanup();
      reject(new BleLinkError('disconnected', `The link dropped during discovery (${disconnectReason(reason)})`));
    };
    const onAbort = () => {
      cleanup();
      reject(new BleLinkError('aborted', 'Aborted during discovery'));
    };
    if (signal.aborted) return onAbort();
    peripheral.once('disconnect', onDisconnect);
    signal.addEventListener('abort', onAbort, { once: true });
    step((error, value) => {
      cleanup();
      if (error) reject(new BleLinkError('att_error', String(error)));
      else resolve(value);
    });
  });
}
