import type { BluetoothLock } from '../../../../shared/domain';

/** A lock moves above another only when heard this much stronger (dBm): signals flicker by a few. */
export const reorderMarginDbm = 6;

/**
 * The scan list, strongest first, without rows trading places on every flicker of the signal:
 * locks keep the order they were shown in, and one rises past another only when it is heard
 * clearly stronger (by more than the margin). A lock newly heard takes its place by signal.
 */
export function calmOrder(shownIds: readonly string[], locks: readonly BluetoothLock[], margin = reorderMarginDbm): BluetoothLock[] {
  const shown = new Map(shownIds.map((id, i) => [id, i]));
  const start = [...locks].sort((a, b) => {
    const ra = shown.get(a.id);
    const rb = shown.get(b.id);
    if (ra !== undefined && rb !== undefined) return ra - rb;
    if (ra === undefined && rb === undefined) return b.rssi - a.rssi;
    return ra === undefined ? 1 : -1;
  });
  const order: BluetoothLock[] = [];
  for (const lock of start) {
    const rise = shown.has(lock.id) ? margin : 0;
    let at = order.length;
    while (at > 0 && lock.rssi - order[at - 1]!.rssi > rise) at--;
    order.splice(at, 0, lock);
  }
  return order;
}
