import type { Page, WebSocketRoute } from '@playwright/test';
import type { UnitPage } from '../../src/shared/domain';
import { socketPath } from '../../src/shared/wire';
import { expect, test } from './fixtures';

/**
 * Typing in the units search shows the units the text names at once, from the units index,
 * before the core answers; the core's answer (a guest matched by phone) replaces them when it
 * comes, and an answer for earlier text never shows. The core's search answers are held back
 * on the page's WebSocket to the browser host, so the instant rows can be seen alone.
 */

const grid = (page: Page) => page.getByRole('grid', { name: 'Units' });
const dataRows = (page: Page) => grid(page).getByRole('row').filter({ has: page.getByRole('gridcell') });
const unitRow = (page: Page, number: string, building = 'North Tower') =>
  grid(page).getByRole('row', { name: new RegExp(`^${number} ${building} `) });

interface HeldAnswer {
  search: string;
  release: () => void;
}

interface HeldSocket {
  held: HeldAnswer[];
  /** Whether the units index has reached the page: polled, so a missed frame fails with a message, not a hang. */
  indexAnswered: () => boolean;
  /** How often the page has asked for the units index. */
  indexAsks: () => number;
}

/**
 * Passes every frame through, except the core's answers to searches: those wait for `release`.
 * Awaited before the page opens: a route still being installed would let the socket through unseen.
 */
async function holdSearchAnswers(page: Page): Promise<HeldSocket> {
  const held: HeldAnswer[] = [];
  let indexAnswered = false;
  let indexAsks = 0;
  await page.routeWebSocket(new RegExp(`${socketPath}\\?`), (ws: WebSocketRoute) => {
    const server = ws.connectToServer();
    const searches = new Map<number, string>();
    let indexCall = -1;
    ws.onMessage((message) => {
      const frame = JSON.parse(String(message)) as { id: number; command: string; input: { search?: string } };
      if (frame.command === 'units.list' && frame.input.search) searches.set(frame.id, frame.input.search);
      if (frame.command === 'units.index') {
        indexCall = frame.id;
        indexAsks += 1;
      }
      server.send(message);
    });
    server.onMessage((message) => {
      const frame = JSON.parse(String(message)) as { id?: number };
      const search = frame.id === undefined ? undefined : searches.get(frame.id);
      if (search === undefined) {
        ws.send(message);
        if (frame.id === indexCall) indexAnswered = true;
      } else held.push({ search, release: () => ws.send(message) });
    });
  });
  return { held, indexAnswered: () => indexAnswered, indexAsks: () => indexAsks };
}

test('the search shows the units it names at once, then the guest the core finds, never an earlier answer', async ({ page, openConsole, host }) => {
  const granted = await host.core.dispatch('access.grant', {
    unitId: 'north-909',
    kind: 'pin',
    schedule: { type: 'permanent' },
    guest: { name: 'Ines Brackwater', phone: '+1 (312) 555-1101' },
  });
  if (!granted.ok) throw new Error(granted.error.message);
  const answer = await host.core.dispatch('units.list', { search: '1101', limit: 500 });
  if (!answer.ok) throw new Error(answer.error.message);
  const coreFinds = answer.value as UnitPage;
  expect(coreFinds.rows.map((r) => r.id)).toEqual(expect.arrayContaining(['north-1101', 'north-909']));

  const { held, indexAnswered, indexAsks } = await holdSearchAnswers(page);
  await openConsole(page);
  await expect(dataRows(page).first()).toBeVisible();
  await expect.poll(indexAnswered, { message: 'the units index reaches the page' }).toBe(true);

  // Every text the unit count takes from here on, to show that no earlier answer ever flashes.
  const count = page.locator('.page-heading__meta');
  await count.evaluate((element) => {
    const seen: string[] = [];
    (window as unknown as { countsSeen: string[] }).countsSeen = seen;
    new MutationObserver(() => seen.push(element.textContent ?? '')).observe(element, { childList: true, characterData: true, subtree: true });
  });

  const search = page.getByRole('searchbox', { name: 'Search' });
  await search.fill('11');
  await expect(count).toHaveText(/^[\d,]+ units match “11”$/);
  await search.fill('1101');
  // The unit numbered 1101, at once: the core's answer is held back.
  await expect(count).toHaveText('1 unit match “1101”');
  await expect(dataRows(page)).toHaveCount(1);
  await expect(unitRow(page, '1101')).toBeVisible();
  await expect(unitRow(page, '909')).toHaveCount(0);
  await expect.poll(() => held.map((h) => h.search)).toEqual(['11', '1101']);

  // The answer for "11" arrives late: it is dropped.
  held[0]!.release();
  await page.waitForTimeout(300);
  await expect(count).toHaveText('1 unit match “1101”');
  await expect(dataRows(page)).toHaveCount(1);

  // The answer for "1101" adds the guest matched by phone, and the credential columns.
  held[1]!.release();
  await expect(count).toHaveText(`${coreFinds.total} units match “1101”`);
  await expect(unitRow(page, '909')).toBeVisible();
  await expect(unitRow(page, '909').getByRole('checkbox')).toBeEnabled();
  await expect(unitRow(page, '1101').getByRole('checkbox')).toBeEnabled();

  const seen = await page.evaluate(() => (window as unknown as { countsSeen: string[] }).countsSeen);
  const after1101 = seen.slice(seen.findIndex((text) => text.includes('“1101”')));
  expect(new Set(after1101)).toEqual(new Set(['1 unit match “1101”', `${coreFinds.total} units match “1101”`]));

  // A guest's name names no unit: the grid empties at once and says it is looking, not that nothing matches.
  await search.fill('Brackwater');
  await expect(grid(page).getByText('Looking through guests’ names and phone numbers…')).toBeVisible();
  await expect(dataRows(page)).toHaveCount(0);
  await expect(grid(page).getByText('No units match these filters.')).toHaveCount(0);
  await expect.poll(() => held.map((h) => h.search)).toContain('Brackwater');
  held.find((h) => h.search === 'Brackwater')!.release();
  await expect(count).toHaveText('1 unit match “Brackwater”');
  await expect(unitRow(page, '909')).toBeVisible();

  // A grant elsewhere changes the units' credentials, not their own columns: the grid asks for
  // its rows again, and the index (every unit, fetched once) is not asked for again.
  const searchesBefore = held.length;
  const another = await host.core.dispatch('access.grant', {
    unitId: 'north-1101',
    kind: 'pin',
    schedule: { type: 'permanent' },
    guest: { name: 'Oren Brackwater', phone: '+1 (312) 555-1102' },
  });
  if (!another.ok) throw new Error(another.error.message);
  await expect.poll(() => held.length, { message: 'the grid asks again after the grant' }).toBeGreaterThan(searchesBefore);
  expect(indexAsks()).toBe(1);
});
