import { CodeTable } from '../wire-enums';
import { defineCommand, type Codec, type ResultOf } from './command';
import { doorRefusals } from './device-status';

export const auditEvents = new CodeTable('audit event', {
  unlocked_by_credential: 1,
  denied_credential: 2,
  /** A known credential, outside its schedule. */
  denied_schedule: 3,
  table_committed: 4,
  clock_set: 5,
  battery_low: 6,
  tamper: 7,
  door_forced: 8,
});
export type AuditEvent = ReturnType<typeof auditEvents.read>;

/** slot u16 0xFFFF: the event is about no slot (a commit, a clock set). */
export const noSlot = 0xffff;

export interface AuditRecord {
  /** Increases by one per record; a jump means records were lost (the console flags the gap). */
  number: number;
  /** Lock-local epoch-s: the lock's wall clock as if UTC, seconds since 2000-01-01. */
  localTime: number;
  event: AuditEvent;
  slot: number | null;
}

export interface ReadAuditArgs {
  /** Records numbered after this one; 0 for the oldest the door still holds. */
  afterRecord: number;
  /** 1..255. */
  maxRecords: number;
}

export interface AuditPage {
  records: AuditRecord[];
  /** The door holds newer records: ask again after the last one here. */
  more: boolean;
}

const recordWire: Codec<AuditRecord> = {
  write(w, a) {
    w.u32(a.number, 'record number').u32(a.localTime, 'local time');
    auditEvents.write(w, a.event);
    w.u16(a.slot ?? noSlot, 'slot');
  },
  read(r) {
    const record = { number: r.u32('record number'), localTime: r.u32('local time'), event: auditEvents.read(r) };
    const slot = r.u16('slot');
    return { ...record, slot: slot === noSlot ? null : slot };
  },
};

const pageWire: Codec<AuditPage> = {
  write(w, page) {
    w.u8(page.records.length, 'record count').u8(page.more ? 1 : 0, 'more');
    for (const record of page.records) recordWire.write(w, record);
  },
  read(r) {
    const count = r.u8('record count');
    const more = r.flag('more');
    const records: AuditRecord[] = [];
    for (let i = 0; i < count && r.problem === undefined; i++) {
      const record = recordWire.read(r);
      if (record.number <= (records.at(-1)?.number ?? 0)) r.fail(`audit record ${record.number} is out of order`);
      records.push(record);
    }
    return { records, more };
  },
};

/**
 * READ_AUDIT 0x0A: the door's audit records numbered after `afterRecord`, oldest first.
 * Args: after record number u32, max records u8 (1..255). Answer: count u8, more u8 (0/1),
 * then per record: number u32, lock-local time u32, event u8, slot u16 (0xFFFF: none). 11 bytes each.
 */
export const readAudit = defineCommand({
  code: 0x0a,
  name: 'READ_AUDIT',
  refusals: doorRefusals,
  args: {
    write: (w, a: ReadAuditArgs) => void w.u32(a.afterRecord, 'after record').u8(a.maxRecords, 'max records'),
    read(r) {
      const args = { afterRecord: r.u32('after record'), maxRecords: r.u8('max records') };
      if (args.maxRecords === 0) r.fail('max records is 0');
      return args;
    },
  },
  data: pageWire,
});
export type ReadAuditResult = ResultOf<typeof readAudit>;
