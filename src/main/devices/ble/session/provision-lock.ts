import type { GattConnection } from '../gatt';
import { randomEphemeral } from '../protocol/ephemeral-key';
import { lockKeyBytes, setupCodePattern, setupKeyOf } from '../protocol/key-schedule';
import type { LockInfo } from '../protocol/lock-info';
import { RecordOpener, RecordSealer } from '../protocol/record';
import { decodeLockContent, encodeProvision } from '../protocol/record-content';
import { BleSessionError } from './ble-session-error';
import type { BleLockSessionOptions } from './ble-lock-session';
import { consoleHandshake } from './console-handshake';
import { LockMessenger } from './lock-messenger';
import { ConsoleRefusal, defaultSessionTimes, transact } from './lock-transaction';
import { openedRecordContent } from './opened-record';
import { readLockInfo } from './read-lock-info';

/**
 * Commissions a factory-new lock: a handshake keyed by the setup code on its label, then
 * `newKey` (32 random bytes the console made) sealed to it. Once the lock answers, the setup
 * code is dead until a factory reset and only `newKey` opens sessions. The connection is
 * dropped at the end either way (the lock hangs up too).
 *
 * Keep `newKey` before calling: when the answer is lost (the link dropped after the key went
 * out), opening a session with it settles whether the lock took it, as READ_CHECKSUM settles
 * a lost COMMIT.
 */
export async function provisionLock(
  connection: GattConnection,
  setupCode: string,
  newKey: Uint8Array,
  signal: AbortSignal,
  options: BleLockSessionOptions = {},
): Promise<LockInfo> {
  if (newKey.length !== lockKeyBytes) throw new RangeError(`A lock key is ${lockKeyBytes} bytes, not ${newKey.length}`);
  if (!setupCodePattern.test(setupCode)) throw new RangeError('A setup code is the 8 digits on the lock’s label');
  const times = { ...defaultSessionTimes, ...options };
  try {
    const info = await readLockInfo(connection, signal, times.messageTimeoutMs);
    if (info.commissioned) throw new BleSessionError('already_commissioned', 'console', true);
    const setupKey = await setupKeyOf(setupCode, info.serial);
    const messenger = await LockMessenger.attach(connection);
    const keys = await consoleHandshake(messenger, { mode: 'commissioning', secret: setupKey, serial: info.serial, ephemeral: options.ephemeral ?? randomEphemeral }, signal, times);
    const opener = new RecordOpener(keys.lockToConsole, 'lock_to_console');
    const { record, counter } = new RecordSealer(keys.consoleToLock, 'console_to_lock').seal(encodeProvision(newKey));
    await transact(
      messenger,
      record,
      (message) => {
        const content = decodeLockContent(openedRecordContent(opener, message));
        if (content.kind === 'provisioned' && content.answers === counter) return { value: true };
        throw new ConsoleRefusal('protocol', `The lock answered commissioning with ${content.kind}`);
      },
      signal,
      times,
    );
    return { ...info, commissioned: true };
  } finally {
    await connection.disconnect().catch(() => undefined);
  }
}
