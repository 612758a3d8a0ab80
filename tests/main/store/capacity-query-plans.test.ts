import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countsOfDoor, endFirst, otherCodes } from '../../../src/main/store/slot-capacity-repo';
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
    ['a door’s counts', countsOfDoor.sql, { doorId: 'garage-gate', guestSlots: 100, since: '2026-01-01' }],
    ['what to end first on a door', endFirst.sql, { doorId: 'garage-gate', now: '2026-01-01', limit: 3 }],
  ])('reads %s through the door’s index', (_name, sql, params) => {
    const plan = explain(sql, params);
    expect(plan).toMatch(/SEARCH dc? ?USING (COVERING )?INDEX (sqlite_autoindex_door_credentials_1|door_credentials_live_slot) \(door_id=\?\)|SEARCH door_credentials USING (COVERING )?INDEX (sqlite_autoindex_door_credentials_1|door_credentials_live_slot) \(door_id=\?\)/);
    expect(plan).not.toMatch(/\bSCAN (?!CONSTANT ROW)/);
  });

  it('reads a live lock’s other codes through the lock’s slots and the door’s live slots', () => {
    const plan = explain(otherCodes.sql, ['garage-gate', 'garage-gate']);
    expect(plan).not.toMatch(/\bSCAN (?!CONSTANT ROW)/);
  });
});
