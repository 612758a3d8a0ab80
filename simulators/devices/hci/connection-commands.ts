import type { VirtualPeripheral } from '../../../src/main/devices/ble/gatt';
import type { ControllerTiming } from './controller-timing';
import {
  addressFromOctets,
  addressOctets,
  commandComplete,
  commandStatus,
  EventCode,
  hciEvent,
  HciStatus,
  LeSubevent,
  leMetaEvent,
  Opcode,
  readU16,
  u16,
} from './hci-wire';
import { LeLink, type LinkStats } from './le-link';

/** A pending LE Create Connection: the initiator waits for this address to advertise. */
export interface Initiation {
  address: string;
  addressType: number;
  supervisionTimeoutMs: number;
}

const firstHandle = 0x0040;
const centralRole = 0x00;
const clockAccuracy = 0x00;
const leReadRemoteFeaturesComplete = 0x04;

/**
 * The controller's connections: creating one (it completes at the target's next advertising
 * event it hears, or never), cancelling, disconnecting, and the per-link commands.
 */
export class ConnectionCommands {
  initiation: Initiation | null = null;
  private readonly links = new Map<number, LeLink>();
  private nextHandle = firstHandle;

  constructor(
    private readonly timing: ControllerTiming,
    private readonly transmit: (bytes: Uint8Array) => void,
    private readonly stats: LinkStats,
    private readonly initiationChanged: () => void,
  ) {}

  get open(): LeLink[] {
    return [...this.links.values()];
  }

  link(handle: number): LeLink | undefined {
    return this.links.get(handle);
  }

  linkTo(peripheral: VirtualPeripheral): LeLink | undefined {
    return this.open.find((link) => link.peripheral === peripheral);
  }

  /** Answers `opcode` if it is a connection command; false otherwise. */
  handles(opcode: number, params: Uint8Array): boolean {
    switch (opcode) {
      case Opcode.leCreateConnection:
        this.create(params);
        return true;
      case Opcode.leCreateConnectionCancel:
        this.cancel();
        return true;
      case Opcode.disconnect:
        this.withLink(opcode, params, (link) => link.disconnectLocally());
        return true;
      case Opcode.readRssi:
        this.readRssi(params);
        return true;
      case Opcode.leConnectionUpdate:
        // The simulation keeps its interval; it says so in the completion, as a controller may.
        this.withLink(opcode, params, (link) => this.transmit(leMetaEvent(LeSubevent.connectionUpdateComplete, Uint8Array.of(HciStatus.success, ...u16(link.handle), ...this.linkParameters(link)))));
        return true;
      case Opcode.readRemoteVersion:
        this.withLink(opcode, params, (link) => this.transmit(hciEvent(EventCode.readRemoteVersionComplete, Uint8Array.of(HciStatus.success, ...u16(link.handle), 0x09, ...u16(0xffff), ...u16(0x0001)))));
        return true;
      case Opcode.leReadRemoteFeatures:
        this.withLink(opcode, params, (link) => this.transmit(leMetaEvent(leReadRemoteFeaturesComplete, Uint8Array.of(HciStatus.success, ...u16(link.handle), 0x01, 0, 0, 0, 0, 0, 0, 0))));
        return true;
      default:
        return false;
    }
  }

  /** The awaited peripheral advertised within earshot: the link is up. */
  establish(peripheral: VirtualPeripheral): void {
    const initiation = this.initiation!;
    this.initiation = null;
    this.initiationChanged();
    const link = new LeLink({
      handle: this.nextHandle++,
      peripheral,
      intervalMs: this.timing.connectionIntervalMs,
      pdusPerEvent: this.timing.pdusPerEvent,
      supervisionTimeoutMs: this.timing.supervisionTimeoutMs ?? initiation.supervisionTimeoutMs,
      attMtu: this.timing.attMtu,
      transmit: this.transmit,
      stats: this.stats,
      closed: (closed) => this.links.delete(closed.handle),
    });
    if (this.nextHandle > 0x0eff) this.nextHandle = firstHandle;
    this.links.set(link.handle, link);
    this.transmit(this.connectionComplete(HciStatus.success, link.handle, initiation, this.linkParameters(link)));
  }

  vanish(peripheral: VirtualPeripheral): void {
    const link = this.linkTo(peripheral);
    if (link) link.vanished = true;
  }

  dropAll(): void {
    this.initiation = null;
    this.initiationChanged();
    for (const link of this.open) link.dropSilently();
  }

  private create(params: Uint8Array): void {
    const address = addressFromOctets(params.subarray(6, 12));
    if (this.initiation) return this.transmit(commandStatus(Opcode.leCreateConnection, HciStatus.commandDisallowed));
    if (this.open.some((link) => link.peripheral.address.toLowerCase() === address)) {
      return this.transmit(commandStatus(Opcode.leCreateConnection, HciStatus.connectionAlreadyExists));
    }
    this.initiation = { address, addressType: params[5] ?? 0x01, supervisionTimeoutMs: readU16(params, 19) * 10 };
    this.transmit(commandStatus(Opcode.leCreateConnection, HciStatus.success));
    this.initiationChanged();
  }

  /** Cancel: Command Complete, then the connection's completion with status 0x02 (Vol 4 Part E 7.8.13). */
  private cancel(): void {
    const initiation = this.initiation;
    if (!initiation) return this.transmit(commandComplete(Opcode.leCreateConnectionCancel, HciStatus.commandDisallowed));
    this.initiation = null;
    this.initiationChanged();
    this.transmit(commandComplete(Opcode.leCreateConnectionCancel, HciStatus.success));
    this.transmit(this.connectionComplete(HciStatus.unknownConnection, 0, initiation, new Uint8Array(6)));
  }

  private readRssi(params: Uint8Array): void {
    const handle = readU16(params, 0);
    const link = this.links.get(handle);
    const rssi = link ? Math.max(-127, Math.min(20, Math.round(link.peripheral.rssi()))) : 0;
    this.transmit(commandComplete(Opcode.readRssi, link ? HciStatus.success : HciStatus.unknownConnection, Uint8Array.of(...u16(handle), rssi & 0xff)));
  }

  /** Commands on a link answer with Command Status: unknown connection, or success and `then`. */
  private withLink(opcode: number, params: Uint8Array, then: (link: LeLink) => void): void {
    const link = this.links.get(readU16(params, 0));
    this.transmit(commandStatus(opcode, link ? HciStatus.success : HciStatus.unknownConnection));
    if (link) then(link);
  }

  /** Interval (1.25 ms units), latency, supervision timeout (10 ms units). */
  private linkParameters(link: LeLink): Uint8Array {
    return Uint8Array.of(...u16(Math.round(this.timing.connectionIntervalMs / 1.25)), ...u16(0), ...u16(Math.round(link.supervisionTimeoutMs / 10)));
  }

  private connectionComplete(status: number, handle: number, initiation: Initiation, parameters: Uint8Array): Uint8Array {
    return leMetaEvent(
      LeSubevent.connectionComplete,
      Uint8Array.of(status, ...u16(handle), centralRole, initiation.addressType, ...addressOctets(initiation.address), ...parameters, clockAccuracy),
    );
  }
}
