import type { LockModel } from '../../src/shared/domain/community';
import { assertNever } from '../../src/shared/errors';
import type { TableEntry } from '../../src/main/devices/keyprog/credential-table';
import type { DoorCapabilities } from '../../src/main/devices/keyprog/door-capabilities';
import type { AbortStageResult } from '../../src/main/devices/keyprog/commands/abort-stage';
import type { CommitArgs, CommitResult } from '../../src/main/devices/keyprog/commands/commit';
import type { DescribeDoorResult, DoorKind } from '../../src/main/devices/keyprog/commands/describe-door';
import type { AuditEvent, AuditRecord, ReadAuditArgs, ReadAuditResult } from '../../src/main/devices/keyprog/commands/read-audit';
import type { ReadChecksumResult, TableState } from '../../src/main/devices/keyprog/commands/read-checksum';
import type { ReadReaderConfigResult } from '../../src/main/devices/keyprog/commands/read-reader-config';
import type { ReaderConfig } from '../../src/main/devices/keyprog/commands/reader-config';
import type { ClockSetting, SetClockResult } from '../../src/main/devices/keyprog/commands/set-clock';
import type { StageBeginArgs, StageBeginResult } from '../../src/main/devices/keyprog/commands/stage-begin';
import type { StageDeleteArgs, StageDeleteResult } from '../../src/main/devices/keyprog/commands/stage-delete';
import type { StagePutArgs, StagePutResult } from '../../src/main/devices/keyprog/commands/stage-put';
import type { WriteReaderConfigResult } from '../../src/main/devices/keyprog/commands/write-reader-config';
import { SimDoorAudit } from './sim-door-audit';
import { SimDoorClock } from './sim-door-clock';
import { writeBatteryThreshold, type DoorFault, type DoorFaultKind } from './sim-door-faults';
import { doorCapabilitiesOf, type SchedulesPerUser } from './sim-door-limits';
import { SimDoorReader } from './sim-door-reader';
import { SimDoorTable } from './sim-door-table';

export interface SimDoorOptions {
  /** Slots, PIN lengths, credential and schedule kinds, lock or reader: all from the model. */
  model: LockModel;
  serial: string;
  firmware?: string;
  batteryPercent?: number;
  /** The host's clock, ms since 1970; tests pass their own. */
  now?: () => number;
  /** The wall clock's offset before the first SET_CLOCK, minutes east of UTC. */
  offsetMinutes?: number;
  schedulesPerUser?: SchedulesPerUser;
  /** A table the door already holds (from the factory or an earlier visit); its version is 0. */
  table?: readonly TableEntry[];
}

/**
 * A lock or perimeter reader on the end of the programmer's cable, with a real one's limits.
 * Its methods answer the commands (already decoded) with the commands' own result types, so
 * the simulated programmer only decodes, calls and encodes. Tests drive it through the
 * programmer; inject, simulateUse and the getters are for tests and demos.
 */
export class SimDoor {
  readonly kind: DoorKind;
  readonly capabilities: DoorCapabilities;
  readonly serial: string;
  readonly firmware: string;
  private battery: number;
  private readonly clock: SimDoorClock;
  private readonly audit = new SimDoorAudit();
  private readonly table: SimDoorTable;
  private readonly reader: SimDoorReader | null;
  private fullLockCapacity: number | null = null;
  private lowBatteryPercent: number | null = null;
  private unplugMidCommit: 'old' | 'new' | null = null;

  constructor(private readonly options: SimDoorOptions) {
    this.kind = options.model.role === 'reader' ? 'reader' : 'lock';
    this.capabilities = doorCapabilitiesOf(options.model, options.schedulesPerUser);
    this.serial = options.serial;
    this.firmware = options.firmware ?? '1.0.0';
    this.battery = options.batteryPercent ?? 100;
    this.clock = new SimDoorClock(options.now ?? Date.now, options.offsetMinutes ?? 0);
    this.table = new SimDoorTable(this.capabilities, options.table);
    this.reader = this.kind === 'reader' ? new SimDoorReader() : null;
  }

  get batteryPercent(): number {
    return this.lowBatteryPercent ?? this.battery;
  }

  private get writesRefused(): boolean {
    return this.batteryPercent < writeBatteryThreshold;
  }

  describe(): DescribeDoorResult {
    return {
      status: 'ok',
      kind: this.kind,
      modelId: this.options.model.id,
      serial: this.serial,
      firmware: this.firmware,
      batteryPercent: this.batteryPercent,
      clock: this.clock.reading(),
      capabilities: this.capabilities,
      table: this.table.state(),
      lastAuditRecord: this.audit.last,
    };
  }

  setClock(setting: ClockSetting): SetClockResult {
    this.clock.set(setting);
    this.record('clock_set', null);
    return { status: 'ok' };
  }

  readChecksum(): ReadChecksumResult {
    return { status: 'ok', ...this.table.state() };
  }

  stageBegin(args: StageBeginArgs): StageBeginResult {
    if (this.writesRefused) return { status: 'battery_low' };
    return { status: this.table.begin(args.baseChecksum, args.fromEmpty) };
  }

  stagePut(args: StagePutArgs): StagePutResult {
    if (this.writesRefused) return { status: 'battery_low' };
    return this.table.put(args.entries, this.fullLockCapacity ?? this.capabilities.slots);
  }

  stageDelete(args: StageDeleteArgs): StageDeleteResult {
    if (this.writesRefused) return { status: 'battery_low' };
    return { status: this.table.delete(args.slots) };
  }

  /** Why COMMIT would be refused now, or null when the door is ready to write the stage. */
  commitRefusal(args: CommitArgs): Exclude<CommitResult, { status: 'ok' }> | null {
    if (this.writesRefused) return { status: 'battery_low' };
    const refusal = this.table.commitRefusal(args.expectedChecksum);
    return refusal ? { status: refusal } : null;
  }

  /** Entries the commit writes: the programmer models the write time from it. */
  get stagedCount(): number {
    return this.table.stagedCount;
  }

  /** The swap itself, after commitRefusal said null. */
  swapStaged(): CommitResult {
    const committed = this.table.swap();
    this.record('table_committed', null);
    return { status: 'ok', ...committed };
  }

  /** COMMIT in one step, for callers that model no write time. */
  commit(args: CommitArgs): CommitResult {
    return this.commitRefusal(args) ?? this.swapStaged();
  }

  abortStage(): AbortStageResult {
    this.table.abort();
    return { status: 'ok' };
  }

  readAudit(args: ReadAuditArgs): ReadAuditResult {
    return { status: 'ok', ...this.audit.page(args.afterRecord, args.maxRecords) };
  }

  readReaderConfig(): ReadReaderConfigResult {
    return this.reader ? { status: 'ok', ...this.reader.config } : { status: 'not_a_reader' };
  }

  writeReaderConfig(config: ReaderConfig): WriteReaderConfigResult {
    if (!this.reader) return { status: 'not_a_reader' };
    if (this.writesRefused) return { status: 'battery_low' };
    return { status: this.reader.write(config) };
  }

  /** The programmer's cable came out: a stage belongs to one programming session, so it goes. */
  cableLost(): void {
    this.table.abort();
  }

  /** The unplug-mid-commit fault, taken by the programmer at its next commit (once). */
  takeUnplugFault(): 'old' | 'new' | null {
    const tableAfter = this.unplugMidCommit;
    this.unplugMidCommit = null;
    return tableAfter;
  }

  inject(fault: DoorFault): void {
    switch (fault.kind) {
      case 'full_lock':
        this.fullLockCapacity = fault.capacity ?? this.table.state().usedSlots;
        return;
      case 'low_battery':
        this.lowBatteryPercent = fault.percent ?? 9;
        this.record('battery_low', null);
        return;
      case 'clock_far_off':
        this.clock.drift(fault.offsetSeconds);
        return;
      case 'audit_gap':
        this.audit.skipNext(fault.skip);
        return;
      case 'unplug_mid_commit':
        this.unplugMidCommit = fault.tableAfter;
        return;
      default:
        assertNever(fault, 'door fault');
    }
  }

  /** Ends a lasting fault. The clock stays off until SET_CLOCK; a skipped number stays skipped. */
  clearFault(kind: Exclude<DoorFaultKind, 'clock_far_off' | 'audit_gap'>): void {
    if (kind === 'full_lock') this.fullLockCapacity = null;
    else if (kind === 'low_battery') this.lowBatteryPercent = null;
    else this.unplugMidCommit = null;
  }

  /** Someone opened the door with the credential in `slot`. Use is recorded, never written to the
   * table (not even a disposable user's), so the table's checksum stays the console's. */
  simulateUse(slot: number): AuditRecord {
    return this.record('unlocked_by_credential', slot);
  }

  /** A credential refused at the door: unknown or revoked ('credential'), or out of its hours ('schedule'). */
  simulateDenied(slot: number, why: 'credential' | 'schedule' = 'credential'): AuditRecord {
    return this.record(why === 'credential' ? 'denied_credential' : 'denied_schedule', slot);
  }

  /** Any other event a door records (tamper, door forced). */
  record(event: AuditEvent, slot: number | null): AuditRecord {
    return this.audit.append(event, slot, this.clock.localTime());
  }

  /** The committed table, by slot. */
  entries(): TableEntry[] {
    return this.table.entries();
  }

  get tableState(): TableState {
    return this.table.state();
  }

  get staging(): boolean {
    return this.table.staging;
  }
}
