import { transportCommands } from '../../src/main/devices/framing/commands';
import { encodeMessage, parsePacket } from '../../src/main/devices/framing/packets';
import { capabilityFlags, TRANSPORT_PROTOCOL_VERSION } from '../../src/main/devices/framing/transport-payloads';
import { KEY_PROGRAMMER_IDENTITY, type HidDeviceInfo } from '../../src/main/devices/link';
import { SimFaultPlan } from './sim-hid-faults';
import { SimHidFirmware, type ApplicationHandler, type FirmwareSettings } from './sim-hid-firmware';

export type { ApplicationHandler, KeepAliveControl } from './sim-hid-firmware';
export type { SimFault, SimFaultDirection, SimFaultKind } from './sim-hid-faults';

export interface SimHidDeviceOptions {
  serialNumber?: string;
  /** The application behind MSG; an echo until the key-programmer's command set is plugged in. */
  handler?: ApplicationHandler;
  /** Firmware version reported by INIT. */
  firmware?: { major: number; minor: number; build: number };
  reassemblyTimeoutMs?: number;
  keepAliveIntervalMs?: number;
  msgRequiresLock?: boolean;
  /** Milliseconds, for the LOCK's expiry. */
  clock?: () => number;
}

export const echoHandler: ApplicationHandler = async (payload) => payload;

let serials = 0;

/**
 * A simulated key-programmer, byte for byte at its USB boundary: reports from the host go
 * through the armed faults into the firmware, reports to the host come out of the firmware
 * through the faults again. Plugged into a SimHidBus, which carries the reports at USB pace.
 */
export class SimHidDevice {
  /** The application behind MSG; the key-programmer simulator sets it. */
  handler: ApplicationHandler;
  /** One-shot faults: `device.faults.next({ kind: 'drop_report', direction: 'to_device' })`. */
  readonly faults = new SimFaultPlan();
  readonly serialNumber: string;
  private readonly firmware: SimHidFirmware;
  private readonly plugListeners = new Set<(plugged: boolean) => void>();
  private toHost: ((report: Uint8Array) => void) | null = null;
  private pluggedIn = true;
  private generation = 1;
  /** Input held while the firmware hangs (a to_host stall with a duration). */
  private frozen: Uint8Array[] | null = null;
  private thaw: ReturnType<typeof setTimeout> | undefined;

  constructor(options: SimHidDeviceOptions = {}) {
    this.serialNumber = options.serialNumber ?? `SIM-KP-${String(++serials).padStart(4, '0')}`;
    this.handler = options.handler ?? echoHandler;
    const firmware = options.firmware ?? { major: 1, minor: 0, build: 0 };
    const settings: FirmwareSettings = {
      version: { protocolVersion: TRANSPORT_PROTOCOL_VERSION, ...firmware, capabilities: capabilityFlags.lock | capabilityFlags.keepAlive },
      reassemblyTimeoutMs: options.reassemblyTimeoutMs ?? 500,
      keepAliveIntervalMs: options.keepAliveIntervalMs ?? 100,
      msgRequiresLock: options.msgRequiresLock ?? false,
    };
    this.firmware = new SimHidFirmware(settings, {
      send: (channelId, command, payload) => this.send(channelId, command, payload),
      handler: () => this.handler,
      clock: options.clock ?? (() => performance.now()),
    });
  }

  get plugged(): boolean {
    return this.pluggedIn;
  }

  /** How the bus lists it. The path changes on every replug, as a real OS path may. */
  get info(): HidDeviceInfo {
    return {
      path: `sim-hid:${this.serialNumber}:${this.generation}`,
      ...KEY_PROGRAMMER_IDENTITY,
      serialNumber: this.serialNumber,
      product: 'Porter key-programmer (simulated)',
      simulated: true,
    };
  }

  /** Pulls the cable: the application stops, channels, lock and armed faults are forgotten. */
  unplug(): void {
    if (!this.pluggedIn) return;
    this.pluggedIn = false;
    clearTimeout(this.thaw);
    this.frozen = null;
    this.firmware.reset();
    this.faults.clear();
    for (const listener of [...this.plugListeners]) listener(false);
  }

  replug(): void {
    if (this.pluggedIn) return;
    this.pluggedIn = true;
    this.generation += 1;
    for (const listener of [...this.plugListeners]) listener(true);
  }

  /** @internal The bus's side of the cable. */
  onPlugChange(listener: (plugged: boolean) => void): () => void {
    this.plugListeners.add(listener);
    return () => this.plugListeners.delete(listener);
  }

  /** @internal Where reports to the host go (the bus's IN pipe). */
  connect(toHost: ((report: Uint8Array) => void) | null): void {
    this.toHost = toHost;
  }

  /** @internal One output report from a host, as it reaches the programmer. */
  receive(report: Uint8Array): void {
    if (!this.pluggedIn) return;
    if (this.frozen) {
      this.frozen.push(report);
      return;
    }
    const arrived = this.faults.toDevice(report);
    const packet = arrived && parsePacket(arrived);
    if (packet) this.firmware.receive(packet);
  }

  private send(channelId: number, command: number, payload: Uint8Array): void {
    if (!this.pluggedIn) return;
    const reports = encodeMessage(channelId, command, payload);
    if (command === transportCommands.keepalive) return this.emit(reports);
    const plan = this.faults.toHost(reports);
    if (plan.stallMs === null) return this.emit(plan.reports);
    this.frozen = [];
    this.thaw = setTimeout(() => {
      const held = this.frozen ?? [];
      this.frozen = null;
      this.emit(plan.reports);
      for (const report of held) this.receive(report);
    }, plan.stallMs);
  }

  private emit(reports: Uint8Array[]): void {
    for (const report of reports) this.toHost?.(report);
  }
}
