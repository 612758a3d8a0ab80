/// <reference lib="dom" />
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Browser, Page } from '@playwright/test';

/** Where the page keeps what it measured of itself (see markFirstRowsPaint). */
interface FirstRowsTimes {
  /** The first rows' paint, from the page's own timeline (navigation start = 0), in ms. */
  firstRowsPainted?: number;
}

/**
 * Runs in the page before its scripts: when the grid's first body row is added, names it (and
 * what it holds) for Element Timing, whose entry carries the time the row's text was painted,
 * measured from the navigation's start. Nothing is asked of the page meanwhile: the bench waits
 * for the figure by polling one property, not with a locator (a role query walks the page on the
 * page's main thread while it is loading, taking time from the very work being measured).
 */
function markFirstRowsPaint(): void {
  const times = window as unknown as FirstRowsTimes;
  new PerformanceObserver((list) => {
    const painted = list.getEntries().find((e) => (e as PerformanceEntry & { identifier: string }).identifier === 'first-rows');
    if (painted) times.firstRowsPainted ??= (painted as PerformanceEntry & { renderTime: number }).renderTime;
  }).observe({ type: 'element', buffered: true });
  new MutationObserver((_, observer) => {
    const row = document.querySelector('[role="grid"] [role="row"][aria-rowindex="2"]');
    if (!row) return;
    observer.disconnect();
    // Text is timed on the element that holds it: the row's cells and what is inside them.
    for (const element of [row, ...row.querySelectorAll('*')]) element.setAttribute('elementtiming', 'first-rows');
  }).observe(document, { childList: true, subtree: true });
}

/**
 * Waits until the core in this process has settled after opening (its event loop answers within
 * 20 ms for half a second), so the page's load is not measured against the core's start-up work
 * a console that has been running has long finished. Gives up waiting after 15 s.
 */
export async function untilCoreSettles(): Promise<void> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  try {
    for (let waited = 0; waited < 15_000; waited += 500) {
      delay.reset();
      await new Promise((resolve) => setTimeout(resolve, 500));
      if (delay.max < 20e6) return;
    }
  } finally {
    delay.disable();
  }
}

/**
 * First rows painted at `url`, once per load, each a first visit (a new browser context: an empty
 * cache, a new renderer process): from the navigation's start to the paint of the grid's first
 * body row, as the page's own timeline has it. Returns the samples and the last load's page.
 */
export async function firstRowsPainted(browser: Browser, url: string, loads: number): Promise<{ samples: number[]; page: Page }> {
  const samples: number[] = [];
  let page: Page | undefined;
  for (let i = 0; i < loads; i++) {
    await page?.context().close();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.addInitScript(markFirstRowsPaint);
    await page.goto(url, { waitUntil: 'commit' });
    const painted = await page.waitForFunction(() => (window as unknown as FirstRowsTimes).firstRowsPainted, undefined, { polling: 100 });
    samples.push((await painted.jsonValue()) as number);
  }
  return { samples, page: page! };
}
