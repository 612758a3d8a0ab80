/**
 * `npm run serve`: the console in a browser tab. Runs the same core as Electron, in Node,
 * and prints one line with the URL to open. Options: --port N (or PORT), --data-dir DIR
 * (or PORTER_DATA_DIR), --demo-scale N (a generated community of N units, in its own folder).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../data-dir';
import { startBrowserHost } from './browser-host';

const { values } = parseArgs({
  options: { port: { type: 'string' }, 'data-dir': { type: 'string' }, 'demo-scale': { type: 'string' } },
  strict: true,
});

const port = Number(values.port ?? process.env.PORT ?? 5199);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, not "${values.port ?? process.env.PORT}"`);
  process.exit(2);
}

const demoScale = values['demo-scale'] === undefined ? undefined : Number(values['demo-scale']);
if (demoScale !== undefined && (!Number.isInteger(demoScale) || demoScale < 1 || demoScale > 100_000)) {
  console.error(`--demo-scale must be a number of units from 1 to 100000, not "${values['demo-scale']}"`);
  process.exit(2);
}

async function main(): Promise<void> {
  // A scale community lives in its own folder, so it never mixes with the everyday demo.
  const dataDir = values['data-dir'] ?? (demoScale ? path.join(defaultDataDir(), `scale-${demoScale}`) : defaultDataDir());
  const host = await startBrowserHost({
    port,
    rendererDir: path.resolve(__dirname, '../../../out/renderer'),
    core: { dataDir, loadDemoWhenEmpty: true, demoScale, hardware: 'auto', secrets: 'keychain' },
  });
  console.log(`Porter browser host: ${host.url}`);
  const stop = (): void => {
    void host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Porter browser host could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
