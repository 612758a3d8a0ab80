/**
 * `npm run bench`: prints one JSON figure a line and writes them all to
 * bench/results/<timestamp>.json so two runs can be compared. Not a test: nothing fails.
 * The figures so far cover the store and the contract on the demo community.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { startBrowserHost } from '../src/main/host/browser-host';
import { latencyFigures, timeEach, type Figure } from './stats';

async function main(): Promise<void> {
  const figures: Figure[] = [];
  const report = (f: Figure[]): void => {
    for (const figure of f) console.log(JSON.stringify(figure));
    figures.push(...f);
  };

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'porter-bench-'));
  const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'porter-bench-renderer-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '');
  const host = await startBrowserHost({ port: 0, rendererDir, core: { dataDir, loadDemoWhenEmpty: true } });
  const { core } = host;

  // Grant write: change + audit entry + outbox entry in one transaction, through dispatch.
  const units = ((await core.dispatch('units.list', { limit: 500, lockModelId: 'kestrel-kb500' })) as { ok: true; value: { rows: { id: string }[] } }).value.rows;
  report(
    latencyFigures(
      'store.grant_write',
      await timeEach(300, (i) =>
        core.dispatch('access.grant', {
          unitId: units[i % units.length]!.id,
          kind: 'ble',
          accessType: 'permanent',
          guest: { name: `Bench guest ${i}`, phone: `312-555-01${String(i % 100).padStart(2, '0')}` },
        }),
      ),
    ),
  );

  // Grid page queries at the demo's size (336 units); the 10,000-unit figures come with the scale generator.
  report(latencyFigures('store.grid_page.unfiltered', await timeEach(300, (i) => core.dispatch('units.list', { offset: (i * 37) % 300, limit: 100 }))));
  report(
    latencyFigures(
      'store.grid_page.filtered',
      await timeEach(300, (i) => core.dispatch('units.list', { search: String(200 + (i % 20)), doorStatus: 'in_sync', sort: { column: 'credentialCount', direction: 'desc' }, limit: 100 })),
    ),
  );

  // A small command's round trip over the WebSocket carrier.
  const ws = new WebSocket(`${host.origin.replace('http', 'ws')}/porter?token=${host.token}`, { origin: host.origin });
  await new Promise((resolve) => ws.once('open', resolve));
  let id = 0;
  const roundTrip = (): Promise<unknown> =>
    new Promise((resolve) => {
      const mine = ++id;
      const onMessage = (data: WebSocket.RawData): void => {
        if ((JSON.parse(String(data)) as { id?: number }).id !== mine) return;
        ws.off('message', onMessage);
        resolve(null);
      };
      ws.on('message', onMessage);
      ws.send(JSON.stringify({ id: mine, command: 'session.get', input: {} }));
    });
  report(latencyFigures('contract.ws_round_trip', await timeEach(500, roundTrip)));
  ws.close();

  report([{ name: 'core.rss', value: Math.round(process.memoryUsage().rss / 2 ** 20), unit: 'MiB' }]);

  await host.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(rendererDir, { recursive: true, force: true });
  const out = path.resolve('bench/results', `${new Date().toISOString().replaceAll(':', '-')}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), host: os.hostname(), cpus: os.cpus().length, figures }, null, 1));
  console.error(`written to ${path.relative(process.cwd(), out)}`);
}

void main();
