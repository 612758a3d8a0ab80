export * from './lock-service';
export { maxMessageBytes, minAttMtu, maxAttMtu, segmentRoom } from './limits';
export { decodeLockAdvertisement, lockIdOf, lockAdvertisingData, lockScanResponseData, type LockBeacon, type HeardLock, type BeaconDecoding } from './lock-advertisement';
export { decodeLockInfo, encodeLockInfo, type LockInfo } from './lock-info';
export { newLockKey, lockKeyBytes, setupCodePattern } from './key-schedule';
export { randomEphemeral, ephemeralFromPrivateKey, type EphemeralKey, type EphemeralSource } from './ephemeral-key';
export { lockErrorCodes, type LockErrorCode } from './lock-errors';
