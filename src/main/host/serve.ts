/**
 * `npm run serve`: the console in a browser tab. Runs the same core as Electron, in Node,
 * and prints one line with the URL to open. Options: --port N (or PORT), --data-dir DIR
 * (or PORTER_DATA_DIR), --training (training mode: simulated doors, its own folder),
 * --community FILE (set up the real console from a community file), --demo-scale N (a
 * generated community of N units, in training), --zwave-stick PATH (a Z-Wave stick the USB
 * listing does not show). See consoleMode for a fresh machine.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../data-dir';
import { consoleMode } from '../training/console-mode';
import { startBrowserHost } from './browser-host';

const { values } = parseArgs({
  options: { port: { type: 'string' }, 'data-dir': { type: 'string' }, 'demo-scale': { type: 'string' }, training: { type: 'boolean' }, community: { type: 'string' }, 'zwave-stick': { type: 'string' } },
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
  const communityFile = values.community === undefined ? undefined : path.resolve(values.community);
  const mode = consoleMode({ dataDir: values['data-dir'] ?? defaultDataDir(), training: values.training ?? false, demoScale, communityFile });
  if (mode.note) console.log(mode.note);
  const host = await startBrowserHost({
    port,
    rendererDir: path.resolve(__dirname, '../../../out/renderer'),
    // Only training opens on the demo; a real console starts from its community file.
    core: { dataDir: mode.dataDir, loadDemoWhenEmpty: mode.training, demoScale, communityFile, hardware: mode.training ? 'training' : 'real', zwaveStick: values['zwave-stick'], secrets: 'keychain' },
  });
  console.log(`Porter browser host${mode.training ? ' (training mode)' : ''}: ${host.url}`);
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
