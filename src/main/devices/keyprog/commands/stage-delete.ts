import { defineCommand, noData, type ResultOf } from './command';
import { writeRefusals } from './device-status';

export interface StageDeleteArgs {
  slots: readonly number[];
}

/**
 * STAGE_DELETE 0x07: empties slots in the stage. Args: count u16, then each slot u16.
 * Emptying a slot that is already empty is not an error: the stage ends as asked either way.
 */
export const stageDelete = defineCommand({
  code: 0x07,
  name: 'STAGE_DELETE',
  refusals: [...writeRefusals, 'not_staged'],
  args: {
    write(w, a: StageDeleteArgs) {
      w.u16(a.slots.length, 'slot count');
      for (const slot of a.slots) w.u16(slot, 'slot');
    },
    read(r) {
      const count = r.u16('slot count');
      const slots: number[] = [];
      for (let i = 0; i < count && r.problem === undefined; i++) slots.push(r.u16('slot'));
      return { slots };
    },
  },
  data: noData,
});
export type StageDeleteResult = ResultOf<typeof stageDelete>;
