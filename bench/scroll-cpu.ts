import type { Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  tdur?: number;
  args?: { name?: string };
}

/**
 * The longest task of the page's main thread while `run` runs, in CPU time: what the page's
 * own work costs, without the time other processes took the CPU from it (on a shared
 * 2-core machine a 30 ms task can last 80 ms on the clock). Read from a Chromium trace.
 */
export async function longestTaskCpu(page: Page, run: () => Promise<unknown>): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: 'toplevel,__metadata', transferMode: 'ReportEvents' });
  await run();
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const tasks = events.filter((e) => e.pid === main?.pid && e.tid === main?.tid && e.name === 'ThreadControllerImpl::RunTask' && e.tdur !== undefined);
  return Math.max(0, ...tasks.map((e) => e.tdur! / 1000));
}
