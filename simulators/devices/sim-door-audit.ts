import type { AuditEvent, AuditPage, AuditRecord } from '../../src/main/devices/keyprog/commands/read-audit';

/**
 * A door's audit trail: numbered records, oldest dropped once `capacity` is reached (a lock's
 * memory is a ring). Numbers only grow, by one, unless a fault skips some: the console reads
 * after the last number it has and flags any jump as lost records.
 */
export class SimDoorAudit {
  private readonly records: AuditRecord[] = [];
  private lastNumber = 0;
  private pendingSkip = 0;

  constructor(private readonly capacity = 1000) {}

  get last(): number {
    return this.lastNumber;
  }

  append(event: AuditEvent, slot: number | null, localTime: number): AuditRecord {
    this.lastNumber += 1 + this.pendingSkip;
    this.pendingSkip = 0;
    const record = { number: this.lastNumber, localTime, event, slot };
    this.records.push(record);
    if (this.records.length > this.capacity) this.records.shift();
    return record;
  }

  /** The audit gap fault: the next record's number jumps by `count`. */
  skipNext(count: number): void {
    this.pendingSkip += count;
  }

  page(afterRecord: number, maxRecords: number): AuditPage {
    const newer = this.records.filter((r) => r.number > afterRecord);
    return { records: newer.slice(0, maxRecords), more: newer.length > maxRecords };
  }
}
