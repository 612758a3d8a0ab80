/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { chromium } from '@playwright/test';
import type { BrowserHost } from '../src/main/host/browser-host';
import { firstRowsPainted, untilCoreSettles } from './first-rows';
import { longestTaskCpu as longestTaskCpuWhile } from './scroll-cpu';
import { percentile, type Figure } from './stats';

/** First visits timed for the first rows; the figure is their median. */
const firstRowsLoads = 5;

const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * The renderer as staff feel it, measured in Debian's Chromium with the Performance API on
 * the browser host: first rows painted after navigation (the median of five first visits), keystroke to filtered rows painted, the
 * longest frame and long task while scrolling the whole grid, and the JS heap after loading.
 */
export async function rendererFigures(host: BrowserHost): Promise<Figure[]> {
  const browser = await chromium.launch({ executablePath: process.env.PORTER_CHROMIUM ?? '/usr/bin/chromium', args: chromiumArgs });
  try {
    // The browser's own start (its processes, a first page) is over before the first load is timed.
    await (await browser.newPage()).close();
    await untilCoreSettles();
    const { samples: firstRows, page } = await firstRowsPainted(browser, host.url, firstRowsLoads);
    const grid = page.getByRole('grid', { name: 'Units' });
    const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN);

    // Keystroke to painted rows: time from the input event to the frame after the unit count changes.
    const typed: number[] = [];
    for (const word of ['2', '20', '201', '2015', '', '1', '11', '110', '1105', '', '3', '31', '312', '3120', '']) {
      const ms = await page.evaluate(async (text) => {
        const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
        // The units count (an aria-live status) changes when the filtered rows arrive.
        const count = [...document.querySelectorAll('[aria-live="polite"]')].find((e) => /^[\d,]+ units?\b/.test(e.textContent?.trim() ?? ''));
        if (!count) return -1;
        const before = count.textContent;
        const start = performance.now();
        // Watching before the key: rows drawn in the input event itself change the count at once.
        const painted = new Promise<number>((resolve) => {
          const deadline = setTimeout(() => resolve(-1), 5000);
          const observer = new MutationObserver(() => {
            if (count.textContent === before) return;
            observer.disconnect();
            clearTimeout(deadline);
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - start)));
          });
          observer.observe(count, { childList: true, characterData: true, subtree: true });
        });
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        setter.call(input, text);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        return painted;
      }, word);
      if (ms >= 0) typed.push(ms);
      await page.waitForTimeout(50);
    }

    // Scroll the whole grid, a screen per frame, recording frame gaps and long tasks; then
    // again from the top, traced, for the longest task in CPU time.
    const scroll = await page.evaluate(scrollThrough);
    await grid.evaluate((el) => el.scrollTo({ top: 0 }));
    await page.waitForTimeout(500);
    const longestTaskCpu = await longestTaskCpuWhile(page, () => page.evaluate(scrollThrough));

    return [
      { name: 'renderer.first_rows_visible', value: Math.round(percentile(firstRows, 50)), unit: 'ms' },
      { name: 'renderer.first_rows_visible max', value: Math.round(Math.max(...firstRows)), unit: 'ms' },
      { name: 'renderer.keystroke_to_rows p50', value: Math.round(percentile(typed, 50)), unit: 'ms' },
      { name: 'renderer.keystroke_to_rows p95', value: Math.round(percentile(typed, 95)), unit: 'ms' },
      { name: 'renderer.keystroke_samples', value: typed.length, unit: 'count' },
      { name: 'renderer.scroll_longest_frame', value: Math.round(scroll.longestFrame), unit: 'ms' },
      { name: 'renderer.scroll_longest_task', value: Math.round(scroll.longestTask), unit: 'ms' },
      { name: 'renderer.scroll_long_tasks', value: scroll.longTasks, unit: 'count' },
      { name: 'renderer.scroll_longest_task_cpu', value: Math.round(longestTaskCpu), unit: 'ms' },
      { name: 'renderer.js_heap_after_load', value: Math.round(heap / 2 ** 20), unit: 'MiB' },
    ];
  } finally {
    await browser.close();
  }
}

/** Scrolls the grid top to bottom, a screen per frame: the longest frame gap and long tasks. */
async function scrollThrough(): Promise<{ longestFrame: number; longestTask: number; longTasks: number }> {
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
  observer.observe({ type: 'longtask' as never });
  const scroller = document.querySelector<HTMLElement>('[role="grid"]')!;
  let last = performance.now();
  let longestFrame = 0;
  while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1) {
    scroller.scrollTop += scroller.clientHeight;
    await new Promise((r) => requestAnimationFrame(r));
    const now = performance.now();
    longestFrame = Math.max(longestFrame, now - last);
    last = now;
  }
  await new Promise((r) => setTimeout(r, 500));
  observer.disconnect();
  return { longestFrame, longestTask: Math.max(0, ...longTasks), longTasks: longTasks.length };
}
