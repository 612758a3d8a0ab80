import { describe, expect, it } from 'vitest';
import { BleLinkError, type BleLinkErrorCode } from '../../../../src/main/devices/ble/gatt';
import { BleSessionError, type BleSessionErrorCode } from '../../../../src/main/devices/ble/session/ble-session-error';
import { transportFailure } from '../../../../src/main/devices/drivers/send-command';
import { adviceFor } from '../../../../src/main/hardware/failure-advice';
import { interruptedReasons } from './ble-rig';

describe('Bluetooth failures as the job runner sees them', () => {
  it.each<[BleSessionErrorCode, string]>([
    ['disconnected', 'disconnected'],
    ['closed', 'disconnected'],
    ['tampered', 'disconnected'],
    ['replay_refused', 'disconnected'],
    ['timeout', 'timeout'],
    ['aborted', 'aborted'],
    ['protocol', 'transport'],
    ['payload_too_large', 'transport'],
    ['auth_failed', 'auth_failed'],
    ['not_commissioned', 'auth_failed'],
    ['already_commissioned', 'auth_failed'],
    ['too_many_attempts', 'auth_failed'],
    ['unsupported_lock', 'protocol'],
  ])('a session’s %s is a door failure %s', (code, reason) => {
    expect(transportFailure(new BleSessionError(code, 'console', false)).reason).toBe(reason);
  });

  it.each<[BleLinkErrorCode, string]>([
    ['out_of_range', 'disconnected'],
    ['disconnected', 'disconnected'],
    ['gone', 'disconnected'],
    ['aborted', 'aborted'],
    ['no_service', 'protocol'],
    ['att_error', 'transport'],
  ])('a link’s %s is a door failure %s', (code, reason) => {
    expect(transportFailure(new BleLinkError(code, 'x')).reason).toBe(reason);
  });

  it('ends a job interrupted when the session merely ended, failed when the key is wrong', () => {
    expect(interruptedReasons).toContain(transportFailure(new BleSessionError('tampered', 'lock', false)).reason);
    expect(interruptedReasons).not.toContain(transportFailure(new BleSessionError('auth_failed', 'lock', false)).reason);
    expect(adviceFor('auth_failed')).toMatch(/commission it again with the setup code/);
  });
});
