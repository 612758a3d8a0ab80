import type { HeardLock } from '../../devices/ble/protocol';

export interface HeardEntry {
  lock: HeardLock;
  lastHeardAt: number;
}

/** A lock not heard for this long has left range (locks advertise several times a second). */
export const forgetAfterMs = 10_000;

/**
 * The locks the dongle hears, by lock id, with what each last advertised. Answers whether a
 * report changed what the page shows (a new lock, its battery, its table, commissioning), so
 * windows are told about news rather than every report; signal strength rides along.
 */
export class HeardLocks {
  private readonly heard = new Map<string, HeardEntry>();

  hear(lock: HeardLock, at: number): boolean {
    const before = this.heard.get(lock.lockId)?.lock;
    this.heard.set(lock.lockId, { lock, lastHeardAt: at });
    return (
      !before ||
      before.batteryPercent !== lock.batteryPercent ||
      before.tableChecksum !== lock.tableChecksum ||
      before.commissioned !== lock.commissioned ||
      Math.abs(before.rssi - lock.rssi) >= 6
    );
  }

  /** Forgets locks gone quiet, except `keep` (a lock connected for a job does not advertise). */
  sweep(now: number, keep: (lockId: string) => boolean): boolean {
    let changed = false;
    for (const [id, entry] of this.heard)
      if (now - entry.lastHeardAt > forgetAfterMs && !keep(id)) {
        this.heard.delete(id);
        changed = true;
      }
    return changed;
  }

  get(lockId: string): HeardEntry | undefined {
    return this.heard.get(lockId);
  }

  list(): HeardEntry[] {
    return [...this.heard.values()];
  }

  clear(): void {
    this.heard.clear();
  }
}
