import { BROADCAST_CHANNEL } from '../../src/main/devices/framing/constants';

/** How many channels the simulated programmer remembers, like a real one's small table. */
const CHANNEL_TABLE_SIZE = 32;

/**
 * The programmer's channel table and its lock. Channels are handed out on a broadcast INIT;
 * when the table is full the channel allocated longest ago (and not holding the lock) is
 * forgotten, and its host, answered invalid_channel, asks for a new one.
 */
export class SimChannelTable {
  private readonly channels = new Set<number>();
  private nextChannel = 1;
  private lock: { channelId: number; until: number } | null = null;

  constructor(private readonly clock: () => number) {}

  allocate(): number {
    while (this.channels.size >= CHANNEL_TABLE_SIZE) {
      const oldest = [...this.channels].find((id) => id !== this.lock?.channelId);
      if (oldest === undefined) break;
      this.channels.delete(oldest);
    }
    // Counting up from 1 never hands out the reserved channel 0 nor the broadcast channel.
    const id = this.nextChannel;
    this.nextChannel = id >= BROADCAST_CHANNEL - 1 ? 1 : id + 1;
    this.channels.add(id);
    return id;
  }

  has(channelId: number): boolean {
    return this.channels.has(channelId);
  }

  /** The channel holding the lock now, or null; a lock past its time is dropped here. */
  lockHolder(): number | null {
    if (this.lock && this.clock() >= this.lock.until) this.lock = null;
    return this.lock?.channelId ?? null;
  }

  /** Locks to `channelId` for `seconds`; 0 releases. */
  setLock(channelId: number, seconds: number): void {
    this.lock = seconds === 0 ? null : { channelId, until: this.clock() + seconds * 1000 };
  }

  /** Power lost: every channel and the lock are forgotten. */
  reset(): void {
    this.channels.clear();
    this.lock = null;
    this.nextChannel = 1;
  }
}
