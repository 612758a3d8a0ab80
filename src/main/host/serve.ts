/**
 * `npm run serve`: the console in a browser tab. Runs the same core as Electron, in Node,
 * and prints one line with the URL to open. Options: --port N (or PORT), --data-dir DIR
 * (or PORTER_DATA_DIR).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../data-dir';
import { startBrowserHost } from './browser-host';

const { values } = parseArgs({
  options: { port: { type: 'string' }, 'data-dir': { type: 'string' } },
  strict: true,
});

const port = Number(values.port ?? process.env.PORT ?? 5199);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, not "${values.port ?? process.env.PORT}"`);
  process.exit(2);
}

async function main(): Promise<void> {
  const host = await startBrowserHost({
    port,
    rendererDir: path.resolve(__dirname, '../../../out/renderer'),
    core: { dataDir: values['data-dir'] ?? defaultDataDir(), loadDemoWhenEmpty: true },
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
