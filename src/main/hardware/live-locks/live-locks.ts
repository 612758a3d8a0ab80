import type { LiveNetworkOverview, StaffMember } from '../../../shared/domain';

/**
 * The Hardware page's live locks (a Z-Wave stick's network): the stick in use, inclusion and
 * exclusion, assigning a lock to a door, and the queue that brings each lock's codes to what
 * the console wants, per node, retried with backoff while a lock is dead or asleep.
 * Protocol-neutral: it works through `LiveLockNetwork` (devices/live/).
 */
export interface LiveLocks {
  overview(): LiveNetworkOverview;
  useStick(path: string): Promise<LiveNetworkOverview>;
  /** Puts the network in inclusion; the DSK prompt shows in `overview().inclusion`. */
  startInclusion(actor: StaffMember): LiveNetworkOverview;
  /** The five digits from the lock's DSK label, or null to abort. */
  answerPin(pin: string | null): LiveNetworkOverview;
  startExclusion(actor: StaffMember): LiveNetworkOverview;
  stopInclusion(): LiveNetworkOverview;
  assign(nodeId: number, doorId: string, actor: StaffMember): LiveNetworkOverview;
  /** Queue the door's lock now (after a grant, a revoke, an end date, or staff's "Sync now"). */
  desiredChanged(doorIds: readonly string[]): void;
  /**
   * The doors changed somehow (the core's 'doors' topic): queues the live doors whose desired
   * table moved on since the service last queued them, and no others, so the service's own
   * news (also on that topic) never queues a door again.
   */
  doorsChanged(): void;
  close(): Promise<void>;
}
