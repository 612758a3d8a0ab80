import { InclusionState, type Driver, type ZWaveNode } from 'zwave-js';

/** Puts the stick in exclusion until a device leaves (its node id) or the signal aborts or the stick gives up (null). */
export async function excludeLock(driver: Driver, signal?: AbortSignal): Promise<number | null> {
  const controller = driver.controller;
  if (signal?.aborted) return null;
  if (!(await controller.beginExclusion())) return null;
  return new Promise<number | null>((resolve) => {
    const finish = (nodeId: number | null): void => {
      controller.off('node removed', onRemoved);
      controller.off('inclusion state changed', onState);
      controller.off('exclusion failed', onStopped);
      signal?.removeEventListener('abort', onAbort);
      resolve(nodeId);
    };
    const onRemoved = (node: ZWaveNode): void => finish(node.id);
    const onStopped = (): void => finish(null);
    // zwave-js stops the stick's remove mode ("exclusion stopped") before it tells which node
    // left; the network going idle without one means none did.
    const onState = (state: InclusionState): void => {
      if (state === InclusionState.Idle) finish(null);
    };
    const onAbort = (): void => {
      void controller.stopExclusion().catch(() => false);
      finish(null);
    };
    controller.on('node removed', onRemoved);
    controller.on('inclusion state changed', onState);
    controller.on('exclusion failed', onStopped);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
