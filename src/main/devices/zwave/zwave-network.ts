import { ZWaveErrorCodes, type Driver, type ZWaveError, type ZWaveNode } from 'zwave-js';
import type { LiveLock, LiveLockEvent, LiveLockNetwork, LiveStickInfo } from '../live/live-lock-network';
import { includeLock } from './inclusion';
import { excludeLock } from './exclusion';
import { isLock, lockInfo } from './lock-info';
import { zwaveSchedules } from './lock-schedules';
import { watchNode } from './watch-node';
import { newLockState, zwaveLock, type LockSchedules, type LockState } from './zwave-lock';

export interface ZWaveNetworkOptions {
  /** How codes' schedules are written; Porter's Schedule Entry Lock compiler unless a test says otherwise. */
  schedules?: LockSchedules;
  /** Watches for the stick going away where the driver cannot tell (a real stick's device node); returns the stop. */
  watchRemoval?: (removed: () => void) => () => void;
  /** Where a driver error that does not end the network goes (the driver recovers from most). */
  logError?: (error: Error) => void;
}

/**
 * A started zwave-js driver as Porter's network of live locks. The driver stays the only
 * thing that speaks to the stick; this keeps, per lock, the table it last reported, and turns
 * the driver's events into `LiveLockEvent`s. The driver going away (the stick unplugged, its
 * port closed) ends the network with `network_lost`, never a crash.
 */
export function zwaveNetwork(driver: Driver, stick: LiveStickInfo, options: ZWaveNetworkOptions = {}): LiveLockNetwork {
  const schedules = options.schedules ?? zwaveSchedules;
  const listeners = new Set<(event: LiveLockEvent) => void>();
  const emit = (event: LiveLockEvent): void => {
    for (const listener of listeners) listener(event);
  };
  const states = new Map<number, LockState>();
  const unwatch = new Map<number, () => void>();
  const announced = new Set<number>();
  let lost = false;
  let closing: Promise<void> | null = null;

  const stateOf = (nodeId: number): LockState => {
    let state = states.get(nodeId);
    if (!state) states.set(nodeId, (state = newLockState()));
    return state;
  };
  const watch = (node: ZWaveNode): void => {
    if (node.isControllerNode || unwatch.has(node.id)) return;
    unwatch.set(node.id, watchNode(node, stateOf(node.id), emit));
  };
  const lockNodes = (): ZWaveNode[] => [...driver.controller.nodes.values()].filter((n) => !n.isControllerNode && isLock(n));

  for (const node of driver.controller.nodes.values()) watch(node);
  for (const node of lockNodes()) announced.add(node.id);

  const onAdded = (node: ZWaveNode): void => {
    watch(node);
    // A lock is news once its interview says it is one.
    node.once('ready', () => {
      if (isLock(node) && !announced.has(node.id)) {
        announced.add(node.id);
        emit({ kind: 'lock_added', nodeId: node.id });
      }
    });
  };
  const onRemoved = (node: ZWaveNode): void => {
    unwatch.get(node.id)?.();
    unwatch.delete(node.id);
    states.delete(node.id);
    if (announced.delete(node.id)) emit({ kind: 'lock_removed', nodeId: node.id });
  };
  const onError = (error: Error): void => {
    if ((error as ZWaveError).code === ZWaveErrorCodes.Driver_Failed) loseNetwork(error.message);
    else options.logError?.(error);
  };
  const loseNetwork = (message: string): void => {
    if (lost || closing) return;
    lost = true;
    emit({ kind: 'network_lost', message: `The Z-Wave stick is gone (${message}).` });
    void close();
  };

  driver.controller.on('node added', onAdded);
  driver.controller.on('node removed', onRemoved);
  driver.on('error', onError);
  const stopWatching = options.watchRemoval?.(() => loseNetwork('it was unplugged')) ?? (() => {});

  const close = (): Promise<void> =>
    (closing ??= (async () => {
      stopWatching();
      for (const stop of unwatch.values()) stop();
      unwatch.clear();
      driver.controller.off('node added', onAdded);
      driver.controller.off('node removed', onRemoved);
      // Errors while the driver shuts down are the shutdown's, not news.
      await driver.destroy().catch(() => {});
      driver.off('error', onError);
      listeners.clear();
    })());

  return {
    info: () => ({
      protocol: 'zwave',
      networkId: zwaveNetworkId(driver.controller.homeId ?? 0),
      label: stick.label,
      path: stick.path,
      simulated: stick.simulated,
    }),
    locks: () => lockNodes().map((n) => lockInfo(n, stateOf(n.id).lowBattery)),
    lock(nodeId: number): LiveLock {
      const node = driver.controller.nodes.get(nodeId);
      if (!node || node.isControllerNode || !isLock(node)) throw new Error(`Node ${nodeId} is not a lock on this Z-Wave network.`);
      return zwaveLock(driver, node, stateOf(nodeId), schedules);
    },
    include: (request) => includeLock(driver, request),
    exclude: (signal) => excludeLock(driver, signal),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close,
  };
}

/** A Z-Wave network's id in the store: its home id, as eight hex digits. */
export const zwaveNetworkId = (homeId: number): string => homeId.toString(16).padStart(8, '0');
