import type { VirtualPeripheral } from '../../../src/main/devices/ble/gatt';
import { AdvertisingEventType, advertisingReportEvents, AdvertisingSchedule, type AdvertisingReport } from './advertising';
import { identityAnswer } from './controller-identity';
import { defaultTiming, SCAN_TICK_MS, type ControllerTiming } from './controller-timing';
import { H4Reader } from './h4-reader';
import { commandComplete, HciStatus, Opcode } from './hci-wire';
import { ConnectionCommands, type Initiation } from './connection-commands';
import type { LeLink, LinkStats } from './le-link';

export interface SimulatedControllerOptions {
  peripherals?: readonly VirtualPeripheral[];
  timing?: Partial<ControllerTiming>;
  /** Where the controller's bytes go (H4, toward the host). */
  transmit: (bytes: Uint8Array) => void;
  /** The dongle's own public address. */
  address?: string;
  /** For advertising phases and advDelay; tests pass a fixed one. */
  random?: () => number;
}

export interface ControllerStats extends LinkStats {
  advertisingReports: number;
}

/**
 * A Bluetooth LE controller behind an H4 byte stream, hosting simulated peripherals: what a USB
 * or UART dongle's firmware does, enough for noble's HCI, L2CAP, ATT and GATT client to run
 * unchanged on top. Pure over bytes: `receive` takes the host's bytes, `transmit` gives back
 * the controller's. Unknown commands are answered with status 0x01, never left hanging.
 */
export class SimulatedHciController {
  readonly timing: ControllerTiming;
  readonly address: string;
  /** Opcodes the controller did not know, for finding out what a stack asks. */
  readonly unknownOpcodes = new Set<number>();
  private readonly reader = new H4Reader();
  private readonly schedule: AdvertisingSchedule;
  private readonly connections: ConnectionCommands;
  private readonly counters: ControllerStats = { connectionEvents: 0, pdusToPeripheral: 0, pdusToCentral: 0, advertisingReports: 0 };
  private scan = { enabled: false, active: true, filterDuplicates: false, reported: new Set<string>() };
  private scanTimer: ReturnType<typeof setInterval> | null = null;
  private unplugged = false;

  constructor(private readonly options: SimulatedControllerOptions) {
    this.timing = { ...defaultTiming, ...options.timing };
    this.address = options.address ?? 'c0:de:00:00:00:01';
    const random = options.random ?? Math.random;
    this.schedule = new AdvertisingSchedule(this.timing.advertisingIntervalMs, random);
    this.connections = new ConnectionCommands(this.timing, (bytes) => this.transmit(bytes), this.counters, () => this.updateScanTimer());
    for (const peripheral of options.peripherals ?? []) this.addPeripheral(peripheral);
  }

  receive(bytes: Uint8Array): void {
    if (this.unplugged) return;
    for (const packet of this.reader.push(bytes)) {
      if (packet.kind === 'acl') this.connections.link(packet.handle)?.fromHost(packet.boundary, packet.data);
      else this.command(packet.opcode, packet.params);
    }
  }

  /** Also brings back a removed peripheral whose link has not yet timed out. */
  addPeripheral(peripheral: VirtualPeripheral): void {
    this.schedule.add(peripheral, Date.now());
    const link = this.connections.linkTo(peripheral);
    if (link) link.vanished = false;
  }

  /** The peripheral leaves the simulation: no more reports; an open link to it times out. */
  removePeripheral(peripheral: VirtualPeripheral): void {
    this.schedule.remove(peripheral);
    this.connections.vanish(peripheral);
  }

  get links(): readonly LeLink[] {
    return this.connections.open;
  }

  stats(): ControllerStats {
    return { ...this.counters };
  }

  /** The dongle is pulled out: it says nothing more, and every link is gone. */
  unplug(): void {
    if (this.unplugged) return;
    this.unplugged = true;
    this.scan.enabled = false;
    this.connections.dropAll();
    this.updateScanTimer();
  }

  private transmit(bytes: Uint8Array): void {
    if (!this.unplugged) this.options.transmit(bytes);
  }

  private command(opcode: number, params: Uint8Array): void {
    const identity = identityAnswer(opcode, this.address);
    if (identity) return this.transmit(commandComplete(opcode, HciStatus.success, identity));
    switch (opcode) {
      case Opcode.reset:
        return this.reset();
      case Opcode.leSetScanParameters:
        return this.setScanParameters(params);
      case Opcode.leSetScanEnable:
        return this.setScanEnable(params);
      default:
        if (this.connections.handles(opcode, params)) return;
        this.unknownOpcodes.add(opcode);
        return this.transmit(commandComplete(opcode, HciStatus.unknownCommand));
    }
  }

  /** HCI Reset: scanning stops, links go silently; the peripherals stay where they are. */
  private reset(): void {
    this.scan = { enabled: false, active: true, filterDuplicates: false, reported: new Set() };
    this.connections.dropAll();
    this.updateScanTimer();
    // Exactly 04 0e 04 01 03 0c 00: noble's UART driver waits for these bytes before anything else.
    this.transmit(commandComplete(Opcode.reset, HciStatus.success));
  }

  private setScanParameters(params: Uint8Array): void {
    if (this.scan.enabled) return this.transmit(commandComplete(Opcode.leSetScanParameters, HciStatus.commandDisallowed));
    this.scan.active = params[0] === 0x01;
    this.transmit(commandComplete(Opcode.leSetScanParameters, HciStatus.success));
  }

  private setScanEnable(params: Uint8Array): void {
    const enable = params[0] === 0x01;
    if (enable && !this.scan.enabled) this.scan.reported.clear();
    this.scan.enabled = enable;
    this.scan.filterDuplicates = params[1] === 0x01;
    this.transmit(commandComplete(Opcode.leSetScanEnable, HciStatus.success));
    this.updateScanTimer();
  }

  /** The radio listens while scanning or initiating a connection, and only then. */
  private updateScanTimer(): void {
    const listening = !this.unplugged && (this.scan.enabled || this.connections.initiation !== null);
    if (listening && !this.scanTimer) this.scanTimer = setInterval(() => this.listen(), SCAN_TICK_MS);
    if (!listening && this.scanTimer) {
      clearInterval(this.scanTimer);
      this.scanTimer = null;
    }
  }

  private listen(): void {
    const reports: AdvertisingReport[] = [];
    for (const peripheral of this.schedule.due(Date.now())) {
      // A connected lock stops advertising (it serves one central), and nobody hears one out of range.
      if (this.connections.linkTo(peripheral) || !peripheral.inRange()) continue;
      if (this.connections.initiation && this.tryConnect(this.connections.initiation, peripheral)) continue;
      if (this.scan.enabled) reports.push(...this.reportsOf(peripheral));
    }
    this.counters.advertisingReports += reports.length;
    for (const event of advertisingReportEvents(reports)) this.transmit(event);
  }

  private tryConnect(initiation: Initiation, peripheral: VirtualPeripheral): boolean {
    if (initiation.address !== peripheral.address.toLowerCase()) return false;
    this.connections.establish(peripheral);
    return true;
  }

  private reportsOf(peripheral: VirtualPeripheral): AdvertisingReport[] {
    const rssi = peripheral.rssi();
    const reports: AdvertisingReport[] = [
      { eventType: AdvertisingEventType.connectableUndirected, address: peripheral.address, data: peripheral.advertisingData(), rssi },
    ];
    if (this.scan.active) reports.push({ eventType: AdvertisingEventType.scanResponse, address: peripheral.address, data: peripheral.scanResponseData(), rssi });
    if (!this.scan.filterDuplicates) return reports;
    return reports.filter((report) => {
      const key = `${report.address}/${report.eventType}`;
      if (this.scan.reported.has(key)) return false;
      this.scan.reported.add(key);
      return true;
    });
  }
}
