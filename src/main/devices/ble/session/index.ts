export { BleSessionError, type BleSessionErrorCode, type BleErrorSource } from './ble-session-error';
export { openBleLockSession, BleLockSession, type BleLockSessionOptions } from './ble-lock-session';
export { provisionLock } from './provision-lock';
export { defaultSessionTimes, type SessionTimes } from './lock-transaction';
