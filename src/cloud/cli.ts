import { cloudUsage, parseCloudArgs } from './cli-options';
import { consoleLog, type CloudLog } from './cloud-log';
import { openCloudStore } from './open-cloud-store';
import { startCloudServer } from './server';
import { textProviderFor } from './text-provider-from-env';

export interface RunningCloud {
  url: string;
  stop(): Promise<void>;
}

/** A command line the operator got wrong: main prints it with the usage. */
export class UsageError extends Error {}

/**
 * `npm run cloud`: serves the sync API, or with --pair prints a pairing code and answers
 * null. `print` takes the lines meant for the operator.
 */
export async function runCloudCli(argv: readonly string[], env: NodeJS.ProcessEnv, print: (line: string) => void, log: CloudLog = consoleLog): Promise<RunningCloud | null> {
  let options;
  try {
    options = parseCloudArgs(argv, env);
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${cloudUsage}`);
  }
  const store = await openCloudStore(options);
  if (options.pair) {
    const { code, expiresAt } = await store.createPairingCode(options.pair.name, { kiosk: options.pair.kiosk });
    await store.close();
    print(`Pairing code for ${options.pair.kiosk ? 'kiosk ' : ''}"${options.pair.name}": ${code}`);
    print(`Single use, valid until ${expiresAt}.`);
    return null;
  }
  try {
    const texts = textProviderFor(options.texts, options.dataDir, env);
    const server = await startCloudServer({ store, texts, port: options.port, host: options.host, log });
    print(`Porter cloud: ${server.url}`);
    return {
      url: server.url,
      async stop() {
        await server.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
