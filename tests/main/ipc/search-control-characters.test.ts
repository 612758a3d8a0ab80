import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestConsole, type TestConsole } from '../../helpers/test-console';

/*
 * Every search box with a NUL, a tab or another control character in it (pasted, or sent by
 * hand): an answer like any other, the character read as a space. Before, a NUL cut SQLite's
 * FTS5 query short and the search answered an internal error.
 */

let t: TestConsole;
beforeAll(() => {
  t = openTestConsole();
});
afterAll(async () => {
  expect(t.errors).toEqual([]);
  await t.close();
});

const searches = [
  ['units.list', (search: string) => ({ search })],
  ['credentials.list', (search: string) => ({ search })],
  ['activity.list', (search: string) => ({ search })],
  ['activity.export', (search: string) => ({ search })],
  ['hardware.doors', (search: string) => ({ search })],
] as const;

const asSpaces = (text: string): string => text.replace(/\p{Cc}/gu, ' ');

describe.each(searches)('%s', (command, input) => {
  it('answers a search with NUL and other control characters as if they were spaces', async () => {
    for (const search of ['Garcia\u0000', '\u0000Garcia', 'Gar\u0000cia', '\u0000', '\u0000\u0000\u0000', '555\u00000123', 'Chen\tGarcia', 'North\r\n204', '\u001b[31mred', '\u007f\u0085\u009f']) {
      const answer = await t.core.dispatch(command, input(search));
      expect(answer, JSON.stringify(search)).toMatchObject({ ok: true });
      expect(answer).toEqual(await t.core.dispatch(command, input(asSpaces(search))));
    }
  });

  it('answers any text up to the field’s length, control characters and all', async () => {
    const character = fc.oneof(fc.constantFrom('\u0000', '\u0001', '\t', '\n', '\u001f', '\u007f', '\u0085', '"', '*', '%', '_', '\\', ' ', 'a', 'G', '5'), fc.string({ maxLength: 1, unit: 'binary' }));
    await fc.assert(
      fc.asyncProperty(fc.array(character, { maxLength: 100 }).map((chars) => chars.join('').slice(0, 100)), async (search) => {
        const answer = await t.core.dispatch(command, input(search));
        expect(answer).toMatchObject({ ok: true });
      }),
      { numRuns: 80 },
    );
  });
});
