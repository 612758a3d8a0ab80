import { tableChecksum, type TableEntry } from '../../src/main/devices/keyprog/credential-table';
import type { DoorCapabilities } from '../../src/main/devices/keyprog/door-capabilities';
import type { CommittedTable } from '../../src/main/devices/keyprog/commands/commit';
import type { TableState } from '../../src/main/devices/keyprog/commands/read-checksum';
import type { EntryRefusal } from '../../src/main/devices/keyprog/commands/stage-put';
import { entryRefusal } from './sim-door-limits';

type Table = ReadonlyMap<number, TableEntry>;

/**
 * A door's credential table and its stage. The table is replaced whole, never edited in
 * place: whatever happens mid-commit, the door holds either the old table or the new one.
 */
export class SimDoorTable {
  private table: Table;
  private tableSum: number;
  private version = 0;
  private stage: Map<number, TableEntry> | null = null;

  constructor(
    private readonly capabilities: DoorCapabilities,
    entries: readonly TableEntry[] = [],
  ) {
    this.table = new Map(entries.map((e) => [e.slot, e]));
    this.tableSum = tableChecksum(this.table.values());
  }

  state(): TableState {
    return { version: this.version, checksum: this.tableSum, usedSlots: this.table.size };
  }

  entries(): TableEntry[] {
    return [...this.table.values()].sort((a, b) => a.slot - b.slot);
  }

  get staging(): boolean {
    return this.stage !== null;
  }

  get stagedCount(): number {
    return this.stage?.size ?? 0;
  }

  /** Opens a stage (dropping any earlier one first, even when refused). */
  begin(baseChecksum: number, fromEmpty: boolean): 'ok' | 'checksum_mismatch' {
    this.stage = null;
    if (!fromEmpty && baseChecksum !== this.tableSum) return 'checksum_mismatch';
    this.stage = fromEmpty ? new Map() : new Map(this.table);
    return 'ok';
  }

  /** All or nothing: the first entry refused leaves the stage as it was. `capacity`: entries memory holds. */
  put(entries: readonly TableEntry[], capacity: number): { status: 'ok' } | { status: EntryRefusal; slot: number } | { status: 'not_staged' } {
    if (!this.stage) return { status: 'not_staged' };
    const next = new Map(this.stage);
    for (const entry of entries) {
      const refusal = entryRefusal(entry, this.capabilities) ?? (!next.has(entry.slot) && next.size >= capacity ? 'no_free_slot' : null);
      if (refusal) return { status: refusal, slot: entry.slot };
      next.set(entry.slot, entry);
    }
    this.stage = next;
    return { status: 'ok' };
  }

  delete(slots: readonly number[]): 'ok' | 'not_staged' {
    if (!this.stage) return 'not_staged';
    for (const slot of slots) this.stage.delete(slot);
    return 'ok';
  }

  /** Why COMMIT with this checksum would be refused, or null when it can swap. */
  commitRefusal(expectedChecksum: number): 'not_staged' | 'checksum_mismatch' | null {
    if (!this.stage) return 'not_staged';
    return tableChecksum(this.stage.values()) === expectedChecksum ? null : 'checksum_mismatch';
  }

  /** The one step that changes the table: a single assignment, so there is no half-written state. */
  swap(): CommittedTable {
    if (!this.stage) throw new Error('swap without a stage: check commitRefusal first');
    this.table = this.stage;
    this.tableSum = tableChecksum(this.table.values());
    this.version += 1;
    this.stage = null;
    return { version: this.version, checksum: this.tableSum };
  }

  abort(): void {
    this.stage = null;
  }
}
