import { assertNever } from '../../src/shared/errors';
import {
  CHANNEL_ID_SIZE,
  CONTINUATION_DATA_SIZE,
  CONTINUATION_HEADER_SIZE,
  CRC_SIZE,
  INIT_DATA_SIZE,
  INIT_HEADER_SIZE,
  MAX_SEQUENCE,
} from '../../src/main/devices/framing/constants';
import { parsePacket } from '../../src/main/devices/framing/packets';

export type SimFaultKind = 'drop_report' | 'corrupt_crc' | 'wrong_sequence' | 'stall';
export type SimFaultDirection = 'to_host' | 'to_device';

/**
 * One thing to go wrong, once, on the next message in `direction` that it fits (KEEPALIVEs
 * excepted, so a fault meant for an answer does not hit a keep-alive instead):
 * - drop_report: report number `packet` (default 0, the init packet) of the message is lost;
 * - corrupt_crc: a CRC byte of the message is flipped on the wire;
 * - wrong_sequence: continuation number `packet` (default 1, the first continuation) carries SEQ + 1;
 * - stall, to_device: the programmer hangs on the message: it is swallowed, never answered;
 * - stall, to_host: the programmer hangs before answering: for `ms` when given (it reads
 *   nothing meanwhile and answers late, before whatever came in), otherwise the answer is never sent.
 */
export interface SimFault {
  kind: SimFaultKind;
  direction: SimFaultDirection;
  packet?: number;
  ms?: number;
}

/** What to do with an answer the programmer is about to send. */
export interface OutgoingPlan {
  reports: Uint8Array[];
  /** Hold the answer (and all input) this long first; null to send now. */
  stallMs: number | null;
}

/** The location of a message data byte: which report, and where in it. */
function dataByteAt(offset: number): { packet: number; index: number } {
  if (offset < INIT_DATA_SIZE) return { packet: 0, index: INIT_HEADER_SIZE + offset };
  const rest = offset - INIT_DATA_SIZE;
  return { packet: 1 + Math.floor(rest / CONTINUATION_DATA_SIZE), index: CONTINUATION_HEADER_SIZE + (rest % CONTINUATION_DATA_SIZE) };
}

/** The faults asked for, applied one at a time at the programmer's USB boundary. */
export class SimFaultPlan {
  private queued: SimFault[] = [];
  /** The to_device fault applying to the message now coming in, with where it bites. */
  private incoming: { fault: SimFault; packet: number; index: number } | null = null;
  private incomingPacket = -1;

  /** Arms a one-shot fault. */
  next(fault: SimFault): void {
    this.queued.push(fault);
  }

  /** Faults armed and not yet applied. */
  pending(): readonly SimFault[] {
    return [...this.queued, ...(this.incoming ? [this.incoming.fault] : [])];
  }

  clear(): void {
    this.queued = [];
    this.incoming = null;
  }

  /** A report from the host: returns it (maybe altered) or null when it is lost. */
  toDevice(report: Uint8Array): Uint8Array | null {
    const packet = parsePacket(report);
    if (!packet) return report;
    if (packet.kind === 'init') {
      this.incomingPacket = 0;
      this.incoming = this.armIncoming(packet.byteCount);
    } else {
      this.incomingPacket += 1;
    }
    const armed = this.incoming;
    if (!armed) return report;
    if (armed.fault.kind === 'stall') return null; // until the next init packet re-arms
    if (this.incomingPacket !== armed.packet) return report;
    this.incoming = null;
    return this.apply(armed.fault, report, armed.index);
  }

  /** The reports of an answer (not a KEEPALIVE) the programmer is about to send. */
  toHost(reports: Uint8Array[]): OutgoingPlan {
    const at = this.queued.findIndex((f) => f.direction === 'to_host' && fits(f, reports.length));
    if (at < 0) return { reports, stallMs: null };
    const [fault] = this.queued.splice(at, 1) as [SimFault];
    if (fault.kind === 'stall') return fault.ms === undefined ? { reports: [], stallMs: null } : { reports, stallMs: fault.ms };
    const dataLength = (reports[0]![CHANNEL_ID_SIZE + 1]! << 8) | reports[0]![CHANNEL_ID_SIZE + 2]!;
    const { packet, index } = where(fault, dataLength);
    const altered = reports.map((r) => r.slice());
    const changed = this.apply(fault, altered[packet]!, index);
    return { reports: changed ? altered.map((r, i) => (i === packet ? changed : r)) : altered.filter((_, i) => i !== packet), stallMs: null };
  }

  private armIncoming(byteCount: number): SimFaultPlan['incoming'] {
    const packets = 1 + Math.max(0, Math.ceil((byteCount - INIT_DATA_SIZE) / CONTINUATION_DATA_SIZE));
    const at = this.queued.findIndex((f) => f.direction === 'to_device' && fits(f, packets));
    if (at < 0) return null;
    const [fault] = this.queued.splice(at, 1) as [SimFault];
    // A stall swallows the whole message: every packet from the init packet on.
    if (fault.kind === 'stall') return { fault, packet: 0, index: 0 };
    return { fault, ...where(fault, byteCount) };
  }

  private apply(fault: SimFault, report: Uint8Array, index: number): Uint8Array | null {
    switch (fault.kind) {
      case 'drop_report':
      case 'stall':
        return null;
      case 'corrupt_crc': {
        const altered = report.slice();
        altered[index] = altered[index]! ^ 0xff;
        return altered;
      }
      case 'wrong_sequence': {
        const altered = report.slice();
        altered[index] = (altered[index]! + 1) & MAX_SEQUENCE;
        return altered;
      }
      default:
        return assertNever(fault.kind, 'fault kind');
    }
  }
}

/** Where a fault bites in a message with `dataLength` bytes of payload + CRC. */
function where(fault: SimFault, dataLength: number): { packet: number; index: number } {
  switch (fault.kind) {
    case 'corrupt_crc':
      return dataByteAt(dataLength - CRC_SIZE);
    case 'wrong_sequence':
      return { packet: fault.packet ?? 1, index: CHANNEL_ID_SIZE }; // the SEQ byte
    case 'drop_report':
    case 'stall':
      return { packet: fault.packet ?? 0, index: 0 };
    default:
      return assertNever(fault.kind, 'fault kind');
  }
}

/** A fault waits for a message with the packet it is aimed at. */
function fits(fault: SimFault, packets: number): boolean {
  switch (fault.kind) {
    case 'wrong_sequence':
      return (fault.packet ?? 1) >= 1 && (fault.packet ?? 1) < packets;
    case 'drop_report':
      return (fault.packet ?? 0) < packets;
    case 'corrupt_crc':
    case 'stall':
      return true;
    default:
      return assertNever(fault.kind, 'fault kind');
  }
}
