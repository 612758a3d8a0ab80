import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addedSince, endFirst, liveInGuestSlots, liveOnDoor, otherCodes, removedSince } from '../../../src/main/store/slot-capacity-repo';
import { openTestConsole, type TestConsole } from '../../helpers/test-console';

// A door's capacity is weighed per door, for every door of the community on the Hardware page
// and for each door a grant covers: each statement reads one door's rows through an index.
let t: TestConsole;
beforeAll(() => {
  t = openTestConsole();
});
afterAll(() => t.close());

function explain(sql: string, params: unknown): string {
  return t.db
    .prepare<[unknown], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
    .all(params)
    .map((r) => r.detail)
    .join('\n');
}

describe('slot capacity statements', () => {
  it.each([
    ['the live credentials on a door', liveOnDoor.sql, ['garage-gate'], /^SEARCH door_credentials USING (COVERING )?INDEX door_credentials_live_slot \(door_id=\?\)$/],
    ['those in the guests’ slots', liveInGuestSlots.sql, ['garage-gate', 1900], /^SEARCH door_credentials USING (COVERING )?INDEX door_credentials_live_slot \(door_id=\? AND slot<\?\)$/],
    ['the grants since a day', addedSince.sql, ['garage-gate', '2026-01-01'], /^SEARCH door_credentials USING COVERING INDEX door_credentials_added \(door_id=\? AND added_at>\?\)$/],
    ['the ends since a day', removedSince.sql, ['garage-gate', '2026-01-01'], /^SEARCH door_credentials USING COVERING INDEX door_credentials_removed \(door_id=\? AND removed_at>\?\)$/],
  ])('counts %s from one index of the door’s rows', (_name, sql, params, plan) => {
    expect(explain(sql, params)).toMatch(plan);
  });

  it('reads what to end first on a door through the door’s live slots', () => {
    const plan = explain(endFirst.sql, { doorId: 'garage-gate', now: '2026-01-01', limit: 3 });
    expect(plan).toMatch(/^SEARCH dc USING INDEX door_credentials_live_slot \(door_id=\?\)/);
    expect(plan).not.toMatch(/\bSCAN (?!CONSTANT ROW)/);
  });

  it('reads a live lock’s other codes through the lock’s slots and the door’s live slots', () => {
    const plan = explain(otherCodes.sql, ['garage-gate', 'garage-gate']);
    expect(plan).not.toMatch(/\bSCAN (?!CONSTANT ROW)/);
  });
});
