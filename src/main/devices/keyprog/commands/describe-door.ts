import { doorCapabilitiesWire, type DoorCapabilities } from '../door-capabilities';
import { CodeTable } from '../wire-enums';
import { defineCommand, noArgs, type Codec, type ResultOf } from './command';
import { doorRefusals } from './device-status';
import { tableStateWire, type TableState } from './read-checksum';
import { clockReadingWire, type ClockReading } from './set-clock';

export const doorKinds = new CodeTable('door kind', { lock: 1, reader: 2 });
export type DoorKind = ReturnType<typeof doorKinds.read>;

export interface DoorDescription {
  kind: DoorKind;
  /** The lock model's id, as in the community's lockModels. */
  modelId: string;
  serial: string;
  firmware: string;
  batteryPercent: number;
  clock: ClockReading;
  capabilities: DoorCapabilities;
  table: TableState;
  /** The newest audit record's number; 0 before the first. */
  lastAuditRecord: number;
}

const descriptionWire: Codec<DoorDescription> = {
  write(w, d) {
    doorKinds.write(w, d.kind);
    w.text(d.modelId, 'model id').text(d.serial, 'serial').text(d.firmware, 'firmware').u8(d.batteryPercent, 'battery percent');
    clockReadingWire.write(w, d.clock);
    doorCapabilitiesWire.write(w, d.capabilities);
    tableStateWire.write(w, d.table);
    w.u32(d.lastAuditRecord, 'last audit record');
  },
  read(r) {
    const kind = doorKinds.read(r);
    const modelId = r.text('model id');
    const serial = r.text('serial');
    const firmware = r.text('firmware');
    const batteryPercent = r.u8('battery percent');
    if (batteryPercent > 100) r.fail(`battery at ${batteryPercent} %`);
    const clock = clockReadingWire.read(r);
    const capabilities = doorCapabilitiesWire.read(r);
    const table = tableStateWire.read(r);
    return { kind, modelId, serial, firmware, batteryPercent, clock, capabilities, table, lastAuditRecord: r.u32('last audit record') };
  },
};

/**
 * DESCRIBE_DOOR 0x02: everything the console plans a visit with, in one exchange.
 * Answer: kind u8 (1 lock, 2 reader), model id, serial, firmware (u8 length + ASCII each),
 * battery u8 (percent), clock (UTC u32, offset i16), capabilities (8 bytes, door-capabilities.ts),
 * table (version u32, checksum u32, used slots u16), last audit record number u32.
 */
export const describeDoor = defineCommand({
  code: 0x02,
  name: 'DESCRIBE_DOOR',
  refusals: doorRefusals,
  args: noArgs,
  data: descriptionWire,
});
export type DescribeDoorResult = ResultOf<typeof describeDoor>;
