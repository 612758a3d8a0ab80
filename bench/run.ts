/**
 * `npm run bench [-- --units N] [--sync [--changes N] [--communities 10,100,500|none] [--growth-changes N] [--load-seconds N]] [--lease] [--zwave] [--renderer]`: prints one JSON figure a line and writes them all to
 * bench/results/<timestamp>.json so two runs can be compared. A benchmark, not a test:
 * nothing fails on a figure. Needs `npm run build` (the renderer) and Debian's Chromium.
 * `--zwave` prints only the Z-Wave figures (a grant reaching a simulated lock; 250 codes' frames);
 * `--renderer` only the renderer's figures (first rows, keystroke to rows, scrolling, heap) on the generated community
 * (`--renderer-dir DIR`: another build of the renderer than out/renderer, e.g. to compare two builds);
 * `--sync` only the sync figures, SQLite and PostgreSQL side by side (a throwaway PostgreSQL is started), then on PostgreSQL
 * again with 10, 100 and 500 communities in the database (`--communities 10,100,500`, or `none` to skip; a pull of
 * `--growth-changes 20000`, `--load-seconds 10` of load each).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startBrowserHost } from '../src/main/host/browser-host';
import { contractFigures } from './contract-figures';
import { eventLoopFigures } from './event-loop-figures';
import { hardwareFigures } from './hardware-figures';
import { rendererFigures } from './renderer-figures';
import { freshScaleDataDir } from './scale-data';
import type { Figure } from './stats';
import { storeFigures } from './store-figures';
import { exposureFigures } from './exposure-figures';
import { syncFigures } from './sync-figures';
import { bluetoothFigures } from './bluetooth-figures';
import { leaseFigures } from './lease-figures';
import { liveLockFigures } from './live-lock-figures';
import { zwaveFramesFigures } from './zwave-frames-figures';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { units: { type: 'string', default: '10000' }, changes: { type: 'string', default: '100000' }, communities: { type: 'string', default: '10,100,500' }, 'growth-changes': { type: 'string', default: '20000' }, 'load-seconds': { type: 'string', default: '10' }, sync: { type: 'boolean', default: false }, lease: { type: 'boolean', default: false }, zwave: { type: 'boolean', default: false }, renderer: { type: 'boolean', default: false }, 'renderer-dir': { type: 'string', default: 'out/renderer' } } });
  const units = Number(values.units);
  const figures: Figure[] = [];
  const report = (f: Figure[]): void => {
    for (const figure of f) console.log(JSON.stringify(figure));
    figures.push(...f);
  };

  const zwaveFigures = async (): Promise<void> => {
    report(await liveLockFigures());
    report(await zwaveFramesFigures());
  };
  if (values.zwave) {
    await zwaveFigures();
    return writeResults(units, figures);
  }
  // Both cloud stores side by side, and sustained load on PostgreSQL: a run of its own.
  if (values.sync) {
    const communities = values.communities === 'none' ? [] : values.communities.split(',').map(Number);
    report(await syncFigures(Number(values.changes), { communities, changes: Number(values['growth-changes']), loadSeconds: Number(values['load-seconds']) }));
    return writeResults(units, figures);
  }

  const dataDir = freshScaleDataDir(units);
  const started = performance.now();
  const host = await startBrowserHost({
    port: 0,
    rendererDir: path.resolve(values['renderer-dir']),
    core: { dataDir, operator: { id: 'avery', name: 'Avery Brooks', role: 'admin' } },
  });
  report([{ name: 'core.open', value: Math.round(performance.now() - started), unit: 'ms' }, { name: 'units', value: units, unit: 'count' }]);

  if (values.renderer) {
    report(await rendererFigures(host));
    await host.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    return writeResults(units, figures);
  }
  report(await storeFigures(host.core));
  report(await exposureFigures(units));
  report(await contractFigures(host));
  // The bench process is the core's process here, as in the browser host.
  report([{ name: 'core.rss', value: Math.round(process.memoryUsage().rss / 2 ** 20), unit: 'MiB' }]);
  if (fs.existsSync('out/renderer/index.html')) report(await rendererFigures(host));
  else console.error('out/renderer is missing: run `npm run build` for the renderer figures');

  await host.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  report(await eventLoopFigures(() => freshScaleDataDir(units)));
  report(await hardwareFigures());
  report(await bluetoothFigures());
  await zwaveFigures();
  // A kiosk's busy week on the generated community, and a first lease on a cloud holding it: --lease.
  if (values.lease) report(await leaseFigures(units));
  writeResults(units, figures);
}

function writeResults(units: number, figures: Figure[]): void {
  const out = path.resolve('bench/results', `${new Date().toISOString().replaceAll(':', '-')}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), units, cpus: os.cpus().length, node: process.version, figures }, null, 1));
  console.error(`written to ${path.relative(process.cwd(), out)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
