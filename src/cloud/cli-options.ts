import path from 'node:path';
import { parseArgs } from 'node:util';
import { isPlaceholderLinkBase } from './texts/guest-text';

export interface CloudCliOptions {
  port: number;
  host: string;
  dataDir: string;
  /** `--store postgres://...` or PORTER_CLOUD_DATABASE_URL: the PostgreSQL store; null for SQLite in dataDir. */
  databaseUrl: string | null;
  /** `--seed <file>`: the community an empty cloud starts with (the demo community by default). */
  communityFile: string;
  texts: 'file' | 'twilio';
  /** `--link-base <url>` or PORTER_CLOUD_LINK_BASE: the public address guests' links start with; null for the placeholder. */
  linkBase: string | null;
  /** `--text-claim <seconds>`: how long this instance holds the texts it claims; null for the default. */
  textClaimMs: number | null;
  /** `--pair <name> [--community <id>]`: print a pairing code for a console of this name (in that community), and exit. */
  pair: { name: string; kiosk: boolean; communityId: string | null } | null;
  /** `--community-add <file>`: add the file's community to the cloud, print its id, and exit. */
  communityAdd: string | null;
  /** `--operator-token-file <file>`, else PORTER_CLOUD_OPERATOR_TOKEN: turns the operator API on (null: off). */
  operatorToken: OperatorTokenSource | null;
}

/** Where the operator API's token comes from: read at start, kept only in memory. */
export type OperatorTokenSource = { file: string } | { value: string };

export const cloudUsage = `Usage: npm run cloud -- [options]
  --port <n>          port to listen on (default 5280)
  --host <address>    address to listen on (default 127.0.0.1)
  --data-dir <dir>    where cloud.sqlite and texts.jsonl live (default ./.cloud-data, or PORTER_CLOUD_DATA_DIR)
  --store <url>       keep the cloud in PostgreSQL, e.g. postgres://porter:secret@db.internal:5432/porter
                      (or PORTER_CLOUD_DATABASE_URL); without it, SQLite in the data folder
  --seed <file>       community file an empty cloud starts with (default resources/demo/community.json)
  --texts file|twilio texts to a file (default) or through TWILIO_BASE_URL, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM
  --link-base <url>   the public https address guests' links start with (or PORTER_CLOUD_LINK_BASE),
                      e.g. https://access.riverside-commons.com; needed with --texts twilio
  --text-claim <s>    seconds an instance holds the texts it is sending before another instance
                      takes them over (default 300; keep it above the provider's 30 s timeout)
  --community-add <file>  add the file's community to the cloud, print its id, and exit
  --pair <name>       print a single-use pairing code (valid 24 hours) for a console, and exit
  --community <id>    with --pair: the community the console joins (needed once the cloud holds several)
  --kiosk             with --pair: the console is a kiosk
  --operator-token-file <file>  turn on the operator API (/v1/operator/...) with the token in this file
                      (or PORTER_CLOUD_OPERATOR_TOKEN); at least 32 characters`;

/** Reads the command line; throws with a sentence for the operator when it does not make sense. */
export function parseCloudArgs(argv: readonly string[], env: NodeJS.ProcessEnv, cwd = process.cwd()): CloudCliOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      store: { type: 'string' },
      seed: { type: 'string' },
      community: { type: 'string' },
      'community-add': { type: 'string' },
      'operator-token-file': { type: 'string' },
      texts: { type: 'string' },
      'link-base': { type: 'string' },
      'text-claim': { type: 'string' },
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
  const textClaim = values['text-claim'] === undefined ? null : Number(values['text-claim']);
  if (textClaim !== null && !(Number.isFinite(textClaim) && textClaim >= 1 && textClaim <= 86_400)) throw new Error(`--text-claim must be a number of seconds from 1 to 86400, not ${values['text-claim']}.`);
  if (values.kiosk && values.pair === undefined) throw new Error('--kiosk goes with --pair <name>.');
  if (values.pair !== undefined && !values.pair.trim()) throw new Error('--pair needs the console’s name, e.g. --pair "Front desk".');
  if (values.community !== undefined && values.pair === undefined)
    throw new Error('--community <id> goes with --pair <name>; to add a community use --community-add <file>, to start an empty cloud with one use --seed <file>.');
  if (values.community !== undefined && !values.community.trim()) throw new Error('--community needs a community id, as --community-add printed it.');
  if (values['community-add'] !== undefined && values.pair !== undefined) throw new Error('--community-add and --pair are two steps: add the community first, then pair a console with its id.');
  const linkBase = linkBaseUrl(values['link-base'] ?? env.PORTER_CLOUD_LINK_BASE);
  if (texts === 'twilio' && (linkBase === null || isPlaceholderLinkBase(linkBase)))
    throw new Error(`--texts twilio sends real texts: name the public address of the guests' links with --link-base <url> (or PORTER_CLOUD_LINK_BASE)${linkBase ? `; ${linkBase} is a placeholder no guest can open` : ''}.`);
  const token = env.PORTER_CLOUD_OPERATOR_TOKEN;
  return {
    port,
    host: values.host ?? '127.0.0.1',
    dataDir: path.resolve(cwd, values['data-dir'] ?? env.PORTER_CLOUD_DATA_DIR ?? '.cloud-data'),
    databaseUrl: databaseUrl(values.store ?? env.PORTER_CLOUD_DATABASE_URL),
    communityFile: path.resolve(cwd, values.seed ?? 'resources/demo/community.json'),
    texts,
    linkBase,
    textClaimMs: textClaim === null ? null : textClaim * 1000,
    pair: values.pair === undefined ? null : { name: values.pair.trim(), kiosk: values.kiosk ?? false, communityId: values.community?.trim() ?? null },
    communityAdd: values['community-add'] === undefined ? null : path.resolve(cwd, values['community-add']),
    operatorToken: values['operator-token-file'] !== undefined ? { file: path.resolve(cwd, values['operator-token-file']) } : token ? { value: token } : null,
  };
}

/** The links' base: an https address with no query or fragment; its trailing slash dropped. */
function linkBaseUrl(value: string | undefined): string | null {
  if (value === undefined || value.trim() === '') return null;
  const example = 'e.g. https://access.riverside-commons.com';
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`--link-base must be an https address, ${example}; that is not an address.`);
  }
  if (url.protocol !== 'https:') throw new Error(`--link-base must be an https address (a guest's code travels through it), ${example}.`);
  if (url.search || url.hash || url.username || url.password) throw new Error(`--link-base must be a plain address, without a query, fragment or password, ${example}.`);
  return url.href.replace(/\/+$/, '');
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
