import path from 'node:path';
import { parseArgs } from 'node:util';

export interface CloudCliOptions {
  port: number;
  host: string;
  dataDir: string;
  /** `--store postgres://...` or PORTER_CLOUD_DATABASE_URL: the PostgreSQL store; null for SQLite in dataDir. */
  databaseUrl: string | null;
  communityFile: string;
  texts: 'file' | 'twilio';
  /** `--pair <name>`: print a pairing code for a console of this name, and exit. */
  pair: { name: string; kiosk: boolean } | null;
}

export const cloudUsage = `Usage: npm run cloud -- [options]
  --port <n>          port to listen on (default 5280)
  --host <address>    address to listen on (default 127.0.0.1)
  --data-dir <dir>    where cloud.sqlite and texts.jsonl live (default ./.cloud-data, or PORTER_CLOUD_DATA_DIR)
  --store <url>       keep the cloud in PostgreSQL, e.g. postgres://porter:secret@db.internal:5432/porter
                      (or PORTER_CLOUD_DATABASE_URL); without it, SQLite in the data folder
  --community <file>  community file to seed an empty store from (default resources/demo/community.json)
  --texts file|twilio texts to a file (default) or through TWILIO_BASE_URL, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM
  --pair <name>       print a single-use pairing code (valid 24 hours) for a console, and exit
  --kiosk             with --pair: the console is a kiosk`;

/** Reads the command line; throws with a sentence for the operator when it does not make sense. */
export function parseCloudArgs(argv: readonly string[], env: NodeJS.ProcessEnv, cwd = process.cwd()): CloudCliOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      store: { type: 'string' },
      community: { type: 'string' },
      texts: { type: 'string' },
      pair: { type: 'string' },
      kiosk: { type: 'boolean' },
    },
    strict: true,
    allowPositionals: false,
  });
  const port = Number(values.port ?? 5280);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not ${values.port}.`);
  const texts = values.texts ?? 'file';
  if (texts !== 'file' && texts !== 'twilio') throw new Error(`--texts must be file or twilio, not ${texts}.`);
  if (values.kiosk && values.pair === undefined) throw new Error('--kiosk goes with --pair <name>.');
  if (values.pair !== undefined && !values.pair.trim()) throw new Error('--pair needs the console’s name, e.g. --pair "Front desk".');
  return {
    port,
    host: values.host ?? '127.0.0.1',
    dataDir: path.resolve(cwd, values['data-dir'] ?? env.PORTER_CLOUD_DATA_DIR ?? '.cloud-data'),
    databaseUrl: databaseUrl(values.store ?? env.PORTER_CLOUD_DATABASE_URL),
    communityFile: path.resolve(cwd, values.community ?? 'resources/demo/community.json'),
    texts,
    pair: values.pair === undefined ? null : { name: values.pair.trim(), kiosk: values.kiosk ?? false },
  };
}

/** A PostgreSQL connection URL, checked for its form only (whether the database answers is found at start). */
function databaseUrl(value: string | undefined): string | null {
  if (value === undefined || value.trim() === '') return null;
  const example = 'e.g. postgres://porter:secret@db.internal:5432/porter';
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`--store must be a PostgreSQL URL, ${example}; that is not a URL.`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') throw new Error(`--store must be a PostgreSQL URL (postgres://…), not ${url.protocol}//…; ${example}.`);
  if (!url.hostname && !url.searchParams.get('host')) throw new Error(`--store needs the database's host, ${example}.`);
  return value.trim();
}
