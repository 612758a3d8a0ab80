import { BleLinkError, type GattConnection } from '../gatt';
import { decodeLockInfo, type LockInfo } from '../protocol/lock-info';
import { bleLockProtocolVersion, lockInfoUuid } from '../protocol/lock-service';
import { Deadline, untilAborted } from '../../session/deadline';
import { BleSessionError, linkFailure } from './ble-session-error';

/** Reads Lock Info in the clear, the first thing either flow does; a later protocol version is refused by name. */
export async function readLockInfo(connection: GattConnection, signal: AbortSignal, timeoutMs: number): Promise<LockInfo> {
  const deadline = new Deadline(signal);
  deadline.restart(timeoutMs);
  let bytes: Uint8Array;
  try {
    bytes = await untilAborted(connection.read(lockInfoUuid, deadline.signal), deadline.signal);
  } catch (error) {
    if (deadline.passed) throw new BleSessionError('timeout', 'console', true);
    if (signal.aborted) throw new BleSessionError('aborted', 'console', true);
    if (error instanceof BleLinkError) throw linkFailure(error, true);
    throw error;
  } finally {
    deadline.dispose();
  }
  if (bytes[0] !== undefined && bytes[0] !== bleLockProtocolVersion)
    throw new BleSessionError('unsupported_lock', 'console', true, `The lock speaks Porter lock protocol ${bytes[0]}; this console speaks ${bleLockProtocolVersion}`);
  const decoded = decodeLockInfo(bytes);
  if (!decoded.ok) throw new BleSessionError('protocol', 'console', true, `The lock’s Lock Info could not be read (${decoded.reason})`);
  return decoded.info;
}
