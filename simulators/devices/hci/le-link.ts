import type { PeripheralLink, VirtualPeripheral } from '../../../src/main/devices/ble/gatt';
import { AttServer } from './att-server';
import { buildAttributeTable } from './att-table';
import { LL_PAYLOAD_OCTETS } from './controller-timing';
import { AclBoundary, aclPacket, disconnectionComplete, HciStatus, numberOfCompletedPackets } from './hci-wire';
import { ATT_CID, fragmentFrame, L2capReassembler } from './l2cap';
import { localNameOf } from './local-name';

export interface LinkStats {
  connectionEvents: number;
  /** Link-layer PDUs carried central to peripheral (the host's ACL packets). */
  pdusToPeripheral: number;
  pdusToCentral: number;
}

export interface LeLinkParameters {
  handle: number;
  peripheral: VirtualPeripheral;
  intervalMs: number;
  pdusPerEvent: number;
  supervisionTimeoutMs: number;
  attMtu: number;
  transmit: (bytes: Uint8Array) => void;
  stats: LinkStats;
  closed: (link: LeLink) => void;
}

/**
 * One connection, as the controller's link layer runs it: data moves only at connection events,
 * at most `pdusPerEvent` PDUs each way; what the peripheral answers to one event goes out at the
 * next. An event the peripheral does not hear (out of range, removed) is lost; after the
 * supervision timeout without one, the link drops with reason 0x08.
 */
export class LeLink {
  readonly handle: number;
  readonly peripheral: VirtualPeripheral;
  private readonly toPeripheral: { start: boolean; data: Uint8Array }[] = [];
  private readonly toCentral: { start: boolean; data: Uint8Array }[] = [];
  private readonly reassembler = new L2capReassembler();
  private readonly att: AttServer;
  private state: 'open' | 'local_disconnect' | 'remote_disconnect' | 'closed' = 'open';
  private lastHeardAt: number;
  private nextEventAt: number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** The peripheral was removed from the simulation: it will never be heard again. */
  vanished = false;

  constructor(private readonly parameters: LeLinkParameters) {
    this.handle = parameters.handle;
    this.peripheral = parameters.peripheral;
    const link: PeripheralLink = {
      get mtu() {
        return att.mtu;
      },
      notify: (uuid, value) => {
        if (this.state === 'open') this.att.notify(uuid, value);
      },
      disconnect: () => {
        if (this.state === 'open') this.state = 'remote_disconnect';
      },
    };
    const table = buildAttributeTable(parameters.peripheral.services, () => localNameOf(parameters.peripheral));
    const att = new AttServer(table, parameters.attMtu, link, (pdu) => this.queueToCentral(pdu));
    this.att = att;
    this.lastHeardAt = Date.now();
    this.nextEventAt = this.lastHeardAt + parameters.intervalMs;
    this.schedule();
    parameters.peripheral.connected(link);
  }

  get supervisionTimeoutMs(): number {
    return this.parameters.supervisionTimeoutMs;
  }

  get open(): boolean {
    return this.state !== 'closed';
  }

  /** An ACL packet from the host: it waits for the next connection event. */
  fromHost(boundary: number, data: Uint8Array): void {
    if (this.state === 'closed') return;
    this.toPeripheral.push({ start: boundary !== AclBoundary.continuing, data });
  }

  disconnectLocally(): void {
    if (this.state === 'open' || this.state === 'remote_disconnect') this.state = 'local_disconnect';
  }

  /** Gone without a word to the host (HCI Reset, the dongle unplugged). */
  dropSilently(): void {
    this.close(null);
  }

  private queueToCentral(pdu: Uint8Array): void {
    const fragments = fragmentFrame(ATT_CID, pdu, LL_PAYLOAD_OCTETS);
    fragments.forEach((data, i) => this.toCentral.push({ start: i === 0, data }));
  }

  private schedule(): void {
    this.timer = setTimeout(() => this.connectionEvent(), Math.max(0, this.nextEventAt - Date.now()));
  }

  private connectionEvent(): void {
    const now = Date.now();
    const { intervalMs } = this.parameters;
    // A late timer does not buy extra events: the radio's missed slots are simply gone.
    do this.nextEventAt += intervalMs;
    while (this.nextEventAt <= now);
    this.runEvent(now);
    if (this.state !== 'closed') this.schedule();
  }

  private runEvent(now: number): void {
    const { stats, pdusPerEvent, transmit, supervisionTimeoutMs } = this.parameters;
    stats.connectionEvents += 1;
    if (this.state === 'local_disconnect') return this.close(HciStatus.localHostTerminated);
    if (this.vanished || !this.peripheral.inRange()) {
      if (now - this.lastHeardAt >= supervisionTimeoutMs) this.close(HciStatus.connectionTimeout);
      return;
    }
    this.lastHeardAt = now;
    for (let sent = 0; sent < pdusPerEvent && this.toCentral.length > 0; sent++) {
      const { start, data } = this.toCentral.shift()!;
      transmit(aclPacket(this.handle, start ? AclBoundary.firstFlushable : AclBoundary.continuing, data));
      stats.pdusToCentral += 1;
    }
    let delivered = 0;
    while (delivered < pdusPerEvent && this.toPeripheral.length > 0 && this.state !== 'closed') {
      const { start, data } = this.toPeripheral.shift()!;
      delivered += 1;
      stats.pdusToPeripheral += 1;
      const frame = this.reassembler.push(start, data);
      if (frame?.cid === ATT_CID) this.att.receive(frame.payload);
    }
    // The host counts its buffers back only through this event, or it stalls after eight packets.
    if (delivered > 0) transmit(numberOfCompletedPackets(this.handle, delivered));
    if (this.state === 'remote_disconnect' && this.toCentral.length === 0) this.close(HciStatus.remoteUserTerminated);
  }

  private close(reason: number | null): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (reason !== null) this.parameters.transmit(disconnectionComplete(this.handle, reason));
    this.parameters.closed(this);
    this.peripheral.disconnected();
  }
}
