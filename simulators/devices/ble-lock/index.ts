export { SimBleLock, type SimBleLockOptions } from './sim-ble-lock';
export type { BleLockFault, SimBleLockFault, ClearableFault } from './sim-ble-lock-faults';
export { loopbackCentral, type LoopbackCentralOptions } from './loopback-central';
