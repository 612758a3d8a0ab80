import { tableEntryWire, type TableEntry } from '../credential-table';
import { readList, writeList } from '../schedule-wire';
import { defineCommand, noData, type Refused, type ResultOf } from './command';
import { writeRefusals } from './device-status';

/** The refusals about one entry; their answer names the entry's slot. */
export const entryRefusals = ['no_free_slot', 'pin_length', 'schedule_unsupported', 'kind_unsupported'] as const;
export type EntryRefusal = (typeof entryRefusals)[number];

type StagePutRefusal = Refused<(typeof writeRefusals)[number] | 'not_staged'> | { readonly status: EntryRefusal; readonly slot: number };

const isEntryRefusal = (status: string): status is EntryRefusal => (entryRefusals as readonly string[]).includes(status);

/**
 * STAGE_PUT 0x06: adds or replaces entries in the stage (a slot holds one entry; a later one
 * in the same batch wins). Args: count u8, then each entry (credential-table.ts). All or
 * nothing: a refused batch changes nothing, and the answer is the first refused entry's
 * status followed by its slot u16. Batch with entriesFittingStagePut.
 */
export const stagePut = defineCommand({
  code: 0x06,
  name: 'STAGE_PUT',
  refusals: [...writeRefusals, 'not_staged', ...entryRefusals],
  args: {
    write: (w, a: { entries: readonly TableEntry[] }) => writeList(w, tableEntryWire, a.entries, 'entry'),
    read: (r) => ({ entries: readList(r, tableEntryWire, 'entry') }),
  },
  data: noData,
  refusal: {
    write(w, refusal: StagePutRefusal) {
      if ('slot' in refusal) w.u16(refusal.slot, 'refused slot');
    },
    read: (r, status): StagePutRefusal => (isEntryRefusal(status) ? { status, slot: r.u16('refused slot') } : { status }),
  },
});
export type StagePutArgs = { entries: readonly TableEntry[] };
export type StagePutResult = ResultOf<typeof stagePut>;
