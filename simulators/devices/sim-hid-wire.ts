import { LinkClosedError } from '../../src/main/devices/link';

/** USB full speed: one 1 ms frame, and an interrupt endpoint with bInterval 1 moves one report per frame. */
export const USB_FRAME_MS = 1;

/** The fastest a full-speed HID link can move `bytes` in one direction: one 64-byte report per frame. */
export function wireLimitMs(bytes: number): number {
  return (bytes / 64) * USB_FRAME_MS;
}

interface InFlight {
  startsAt: number;
  endsAt: number;
  report: Uint8Array;
  onAir: { resolve: () => void; reject: (error: unknown) => void } | null;
  deliver: (report: Uint8Array) => void;
}

/**
 * One direction of a USB interrupt pipe: at most one report per 1 ms frame. Report n of a
 * burst goes in frame n counted from the first report ever sent (the epoch), starts at
 * epoch + n and arrives at epoch + n + 1. Times are computed from the epoch rather than from
 * the previous timer firing, so Node's timers, which fire 1.1 ms or more after a 1 ms request,
 * do not add up: a late timer delivers every report that is due, and the pipe catches up.
 */
export class PacedWire {
  private epoch: number | null = null;
  private nextFrame = 0;
  private queue: InFlight[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerAt = Infinity;

  constructor(private readonly clock: () => number) {}

  /**
   * Queues a report for the next free frame; `deliver` gets it at the end of that frame. The
   * promise resolves when its frame starts (the host controller took it), as a blocking
   * hidraw write returns, and rejects if the cable is pulled first.
   */
  send(report: Uint8Array, deliver: (report: Uint8Array) => void): Promise<void> {
    const now = this.clock();
    this.epoch ??= now;
    // A report sent mid-frame waits for the next frame boundary. The small tolerance keeps a
    // timer that fired a hair early (clock rounding) from skipping a whole frame.
    const frame = Math.max(this.nextFrame, Math.ceil((now - this.epoch) / USB_FRAME_MS - 1e-6));
    this.nextFrame = frame + 1;
    const startsAt = this.epoch + frame * USB_FRAME_MS;
    const entry: InFlight = { startsAt, endsAt: startsAt + USB_FRAME_MS, report, onAir: null, deliver };
    const onAir = startsAt <= now ? Promise.resolve() : new Promise<void>((resolve, reject) => (entry.onAir = { resolve, reject }));
    this.queue.push(entry);
    this.schedule();
    return onAir;
  }

  /** The cable is pulled: reports not yet delivered are lost, writers waiting are told. */
  cut(): void {
    clearTimeout(this.timer);
    this.timerAt = Infinity;
    for (const entry of this.queue.splice(0)) entry.onAir?.reject(new LinkClosedError('The key-programmer was unplugged'));
  }

  private schedule(): void {
    const next = this.queue.reduce((soonest, e) => Math.min(soonest, e.onAir ? e.startsAt : e.endsAt), Infinity);
    if (next === Infinity || next >= this.timerAt) return;
    clearTimeout(this.timer);
    this.timerAt = next;
    this.timer = setTimeout(() => this.tick(), Math.max(0, next - this.clock()));
  }

  private tick(): void {
    this.timerAt = Infinity;
    const now = this.clock() + 1e-3;
    for (const entry of this.queue) {
      if (entry.onAir && entry.startsAt <= now) {
        entry.onAir.resolve();
        entry.onAir = null;
      }
    }
    // Deliveries keep their order: a report is handed over only once all before it were.
    while (this.queue[0] && this.queue[0].endsAt <= now && !this.queue[0].onAir) {
      const entry = this.queue.shift()!;
      entry.deliver(entry.report);
    }
    this.schedule();
  }
}
