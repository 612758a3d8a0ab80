/**
 * Who is using which key-programmer, inside this process. Two windows of the console share one
 * core, so without this both could open a session on the same programmer and interleave
 * jobs on one door. Across processes (a second Porter, a vendor tool) this registry cannot
 * see; there the programmer's own LOCK does the job: the channel holding it makes every other
 * channel get channel_busy (see HidSession.lock).
 */

export interface DeviceLease {
  readonly path: string;
  readonly owner: string;
  /** Gives the programmer back; calling it twice, or after it was claimed anew, does nothing. */
  release(): void;
}

/** The programmer is already claimed; `holder` names who has it, for the message a technician sees. */
export class DeviceClaimedError extends Error {
  constructor(
    readonly path: string,
    readonly holder: string,
  ) {
    super(`The key-programmer at ${path} is in use by ${holder}`);
    this.name = 'DeviceClaimedError';
  }
}

export class DeviceClaims {
  private readonly holders = new Map<string, { owner: string }>();

  /** Claims the programmer at `path` for `owner` (a window, a job), or throws DeviceClaimedError naming the holder. */
  claim(path: string, owner: string): DeviceLease {
    const current = this.holders.get(path);
    if (current) throw new DeviceClaimedError(path, current.owner);
    const claim = { owner };
    this.holders.set(path, claim);
    return {
      path,
      owner,
      release: () => {
        if (this.holders.get(path) === claim) this.holders.delete(path);
      },
    };
  }

  /** Who holds the programmer at `path`, if anyone. */
  holderOf(path: string): string | null {
    return this.holders.get(path)?.owner ?? null;
  }
}

/** The process's one registry: every window's claims meet here. */
export const deviceClaims = new DeviceClaims();

export function claimDevice(path: string, owner: string): DeviceLease {
  return deviceClaims.claim(path, owner);
}
