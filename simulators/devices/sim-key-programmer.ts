import { keyProgrammerCommands, type CommandName } from '../../src/main/devices/keyprog/commands';
import type { CommitArgs, CommitResult } from '../../src/main/devices/keyprog/commands/commit';
import type { KeyProgrammerCommand } from '../../src/main/devices/keyprog/commands/command';
import { statusOnly, type DeviceStatus } from '../../src/main/devices/keyprog/commands/device-status';
import type { ProgrammerIdentity } from '../../src/main/devices/keyprog/commands/identify-programmer';
import { appProtocolVersion } from '../../src/main/devices/keyprog/message-limits';
import type { SimDoor } from './sim-door';
import { never, waitFor } from './sim-key-programmer-timing';

/** The application handler the simulated HID programmer hands each complete MSG payload to. */
export type MessageHandler = (payload: Uint8Array, signal: AbortSignal) => Promise<Uint8Array>;

export interface SimKeyProgrammerOptions {
  identity?: Partial<ProgrammerIdentity>;
  /** Modeled flash write time per entry at COMMIT; 0.2 ms makes a 2000-slot reader take 0.4 s. */
  writeMsPerEntry?: number;
}

const { identifyProgrammer, describeDoor, setClock, readChecksum, stageBegin, stagePut, stageDelete, commit, abortStage, readAudit, readReaderConfig, writeReaderConfig } =
  keyProgrammerCommands;

/**
 * The key-programmer's application end: decodes each command, runs it against the door on its
 * cable and encodes the answer, byte for byte what the real programmer sends.
 */
export class SimKeyProgrammer {
  readonly identity: ProgrammerIdentity;
  private readonly writeMsPerEntry: number;
  private door: SimDoor | null = null;
  private busy = false;
  private readonly routes: Map<number, MessageHandler>;

  constructor(options: SimKeyProgrammerOptions = {}) {
    this.identity = { model: 'PKP-1', serial: 'PKP1-000001', firmware: '1.0.0', protocolVersion: appProtocolVersion, ...options.identity };
    this.writeMsPerEntry = options.writeMsPerEntry ?? 0.2;
    const byName: Record<CommandName, MessageHandler> = {
      identifyProgrammer: this.route(identifyProgrammer, () => ({ status: 'ok', ...this.identity })),
      describeDoor: this.doorRoute(describeDoor, (door) => door.describe()),
      setClock: this.doorRoute(setClock, (door, args) => door.setClock(args)),
      readChecksum: this.doorRoute(readChecksum, (door) => door.readChecksum()),
      stageBegin: this.doorRoute(stageBegin, (door, args) => door.stageBegin(args)),
      stagePut: this.doorRoute(stagePut, (door, args) => door.stagePut(args)),
      stageDelete: this.doorRoute(stageDelete, (door, args) => door.stageDelete(args)),
      commit: this.doorRoute(commit, (door, args, signal) => this.commit(door, args, signal)),
      abortStage: this.doorRoute(abortStage, (door) => door.abortStage()),
      readAudit: this.doorRoute(readAudit, (door, args) => door.readAudit(args)),
      readReaderConfig: this.doorRoute(readReaderConfig, (door) => door.readReaderConfig()),
      writeReaderConfig: this.doorRoute(writeReaderConfig, (door, args) => door.writeReaderConfig(args)),
    };
    this.routes = new Map(Object.entries(byName).map(([name, route]) => [keyProgrammerCommands[name as CommandName].code, route]));
  }

  /** A door on the cable (replacing any other, which loses its stage). */
  attach(door: SimDoor): void {
    this.detach();
    this.door = door;
  }

  detach(): void {
    this.door?.cableLost();
    this.door = null;
  }

  get attachedDoor(): SimDoor | null {
    return this.door;
  }

  /** Pass this to the simulated HID device. Unknown commands and empty payloads: invalid_arguments. */
  readonly handle: MessageHandler = async (payload, signal) => {
    if (signal.aborted) return never(signal);
    const route = payload.length > 0 ? this.routes.get(payload[0] as number) : undefined;
    return route ? route(payload, signal) : statusOnly('invalid_arguments');
  };

  private route<A, R extends { status: DeviceStatus }>(command: KeyProgrammerCommand<A, R>, run: (args: A) => R): MessageHandler {
    return async (payload) => {
      const parsed = command.decodeArgs(payload);
      return parsed.ok ? command.encodeResult(run(parsed.args)) : statusOnly('invalid_arguments');
    };
  }

  /** A command for the door: none attached, or one still working on the last command, is answered here. */
  private doorRoute<A, R extends { status: DeviceStatus }>(
    command: KeyProgrammerCommand<A, R>,
    run: (door: SimDoor, args: A, signal: AbortSignal) => R | Promise<R>,
  ): MessageHandler {
    return async (payload, signal) => {
      const parsed = command.decodeArgs(payload);
      if (!parsed.ok) return statusOnly('invalid_arguments');
      const door = this.door;
      if (!door) return statusOnly('no_door_attached');
      if (this.busy) return statusOnly('door_busy');
      this.busy = true;
      try {
        return command.encodeResult(await run(door, parsed.args, signal));
      } finally {
        this.busy = false;
      }
    };
  }

  /**
   * COMMIT with the door's flash write time. Aborted before the swap, the old table stays. With
   * the unplug fault the cable comes out halfway: the door swapped or not as the fault says,
   * and no answer ever comes.
   */
  private async commit(door: SimDoor, args: CommitArgs, signal: AbortSignal): Promise<CommitResult> {
    const refusal = door.commitRefusal(args);
    if (refusal) return refusal;
    const writeMs = door.stagedCount * this.writeMsPerEntry;
    const unplug = door.takeUnplugFault();
    if (unplug) {
      await waitFor(writeMs / 2, signal);
      if (unplug === 'new') door.swapStaged();
      this.detach();
      return never(signal);
    }
    await waitFor(writeMs, signal);
    return door.swapStaged();
  }
}
