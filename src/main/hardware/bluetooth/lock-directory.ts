import { lockIdOf } from '../../devices/ble/protocol';
import type { Db } from '../../store/database';
import { doorSerials } from '../../store/lock-keys-repo';

/**
 * Which serial (and so which door) a lock id in an advertisement stands for. A beacon carries
 * a hash of the serial (docs/protocols/ble-lock.md), so the console hashes the serials it
 * knows. Rebuilt when a lock assignment changes, or when an unknown id is heard (at most
 * every few seconds: a lock no door has does not cost a rebuild per report).
 */
export class LockDirectory {
  private bySerialHash = new Map<string, { doorId: string; serial: string }>();
  private builtAt = -Infinity;

  constructor(private readonly db: Db) {}

  lookup(lockId: string, now: number): { doorId: string; serial: string } | null {
    const known = this.bySerialHash.get(lockId);
    if (known) return known;
    if (now - this.builtAt < 5_000) return null;
    this.rebuild(now);
    return this.bySerialHash.get(lockId) ?? null;
  }

  /** A lock was assigned or moved: look again. */
  invalidate(): void {
    this.builtAt = -Infinity;
    this.bySerialHash.clear();
  }

  private rebuild(now: number): void {
    this.bySerialHash = new Map(doorSerials(this.db).map((d) => [lockIdOf(d.serial), d]));
    this.builtAt = now;
  }
}
