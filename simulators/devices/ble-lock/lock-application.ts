import { commit } from '../../../src/main/devices/keyprog/commands';
import type { SimDoor } from '../sim-door';
import { SimKeyProgrammer } from '../sim-key-programmer';
import { waitFor } from '../sim-key-programmer-timing';

/**
 * The lock's application: the simulated programmer's routing with the door permanently on its
 * "cable" and the lock's own identity, so IDENTIFY_PROGRAMMER names the lock. Two link faults
 * strike at COMMIT, and those are handled here, where the radio and the flash meet.
 */
export class LockApplication {
  private readonly programmer: SimKeyProgrammer;
  private dropBeforeCommit = false;

  constructor(
    private readonly door: SimDoor,
    modelId: string,
    private readonly writeMsPerEntry: number,
    private readonly dropLink: () => void,
  ) {
    this.programmer = new SimKeyProgrammer({ identity: { model: modelId, serial: door.serial, firmware: door.firmware }, writeMsPerEntry });
    this.programmer.attach(door);
  }

  /** The link_drop_before_commit fault: the next COMMIT is lost with the link. */
  dropLinkAtNextCommit(): void {
    this.dropBeforeCommit = true;
  }

  /** A command payload's answer, or null when the link went and no answer will come. */
  async run(payload: Uint8Array, signal: AbortSignal): Promise<Uint8Array | null> {
    if (payload[0] === commit.code && this.dropBeforeCommit) {
      this.dropBeforeCommit = false;
      this.dropLink();
      return null;
    }
    if (payload[0] === commit.code && (await this.droppedMidCommit(payload, signal))) return null;
    return this.programmer.handle(payload, signal);
  }

  /**
   * SimDoor's unplug_mid_commit over the air: halfway through the flash write the link drops,
   * with the table swapped or not as the fault says, and no answer ever goes out.
   */
  private async droppedMidCommit(payload: Uint8Array, signal: AbortSignal): Promise<boolean> {
    const args = commit.decodeArgs(payload);
    if (!args.ok || this.door.commitRefusal(args.args)) return false;
    const tableAfter = this.door.takeUnplugFault();
    if (!tableAfter) return false;
    await waitFor((this.door.stagedCount * this.writeMsPerEntry) / 2, signal);
    if (tableAfter === 'new') this.door.swapStaged();
    this.dropLink();
    return true;
  }
}
