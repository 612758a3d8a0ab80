import { cloudUsage, parseCloudArgs, type CloudCliOptions } from './cli-options';
import { consoleLog, type CloudLog } from './cloud-log';
import { readCommunityFile } from './community/community-file';
import { openCloudStore } from './open-cloud-store';
import { readOperatorToken } from './operator/operator-token';
import { startCloudServer } from './server';
import { CommunityExists, type CloudStore } from './store/cloud-store';
import { textProviderFor } from './text-provider-from-env';
import { defaultGuestLinks } from './texts/guest-text';

export interface RunningCloud {
  url: string;
  stop(): Promise<void>;
}

/** A command line the operator got wrong: main prints it with the usage. */
export class UsageError extends Error {}

/** What the operator asked that the cloud cannot do (an id taken, a community not there): main prints the sentence. */
export class OperatorError extends Error {}

/**
 * `npm run cloud`: serves the sync API; with --community-add adds a community and prints its
 * id, with --pair prints a pairing code, and then answers null. `print` takes the lines meant
 * for the operator.
 */
export async function runCloudCli(argv: readonly string[], env: NodeJS.ProcessEnv, print: (line: string) => void, log: CloudLog = consoleLog): Promise<RunningCloud | null> {
  let options;
  try {
    options = parseCloudArgs(argv, env);
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${cloudUsage}`);
  }
  // Read before the store opens: a bad file or token changes nothing.
  const added = options.communityAdd ? readCommunityFile(options.communityAdd) : null;
  const operatorToken = options.operatorToken && !options.pair && !added ? readOperatorToken(options.operatorToken) : null;
  const store = await openCloudStore({ ...options, seed: !added });
  if (added || options.pair) {
    try {
      if (added) await addCommunity(store, added, print);
      else await printPairingCode(store, options.pair!, print);
    } finally {
      await store.close();
    }
    return null;
  }
  try {
    const texts = textProviderFor(options.texts, options.dataDir, env);
    const links = options.linkBase ? { baseUrl: options.linkBase } : undefined;
    const server = await startCloudServer({ store, texts, links, port: options.port, host: options.host, log, operatorToken, ...(options.textClaimMs ? { textClaimMs: options.textClaimMs } : {}) });
    print(`Porter cloud: ${server.url}`);
    if (!links) print(`Guests' links start with ${defaultGuestLinks.baseUrl}, a placeholder: texts go to the file only; name the real address with --link-base.`);
    if (operatorToken) print('Operator API on: /v1/operator/... (docs/sync-api.md).');
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

async function addCommunity(store: CloudStore, file: ReturnType<typeof readCommunityFile>, print: (line: string) => void): Promise<void> {
  try {
    const community = await store.addCommunity(file);
    print(`Added community "${community.name}": ${community.id}`);
    print(`Pair its consoles with: npm run cloud -- --pair "Front desk" --community ${community.id}`);
  } catch (error) {
    if (error instanceof CommunityExists) throw new OperatorError(error.message);
    throw error;
  }
}

/** Without --community, the cloud's one community; with several, the operator must say which. */
async function printPairingCode(store: CloudStore, pair: NonNullable<CloudCliOptions['pair']>, print: (line: string) => void): Promise<void> {
  const communities = await store.communities();
  let communityId = pair.communityId;
  if (communityId === null) {
    if (communities.length !== 1) throw new OperatorError(`This cloud holds ${communities.length} communities (${communities.map((c) => c.id).join(', ')}): say which with --community <id>.`);
    communityId = communities[0]!.id;
  }
  const community = communities.find((c) => c.id === communityId);
  if (!community) throw new OperatorError(`This cloud holds no community "${communityId}"; it holds: ${communities.map((c) => c.id).join(', ') || 'none'}.`);
  const { code, expiresAt } = await store.forCommunity(communityId).createPairingCode(pair.name, { kiosk: pair.kiosk });
  print(`Pairing code for ${pair.kiosk ? 'kiosk ' : ''}"${pair.name}" in ${community.name} (${community.id}): ${code}`);
  print(`Single use, valid until ${expiresAt}.`);
}
