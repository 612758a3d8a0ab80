import type { ImmediateSecretStore } from '../../src/main/secrets/memory-secret-store';
import { pairConsole } from '../../src/main/sync/cloud-client';
import type { CommandOutput } from '../../src/shared/contract';
import type { TestCloud } from '../cloud/helpers/test-cloud';
import { call, type TestConsole } from './test-console';

/** An admin sets the console up with a fresh pairing code, as the cloud setup dialog does; the sync status after. */
export async function setUpSync(c: TestConsole, cloud: TestCloud, name: string): Promise<CommandOutput<'sync.setUp'>> {
  const { code } = await cloud.store.createPairingCode(name);
  return call(c, 'sync.setUp', { url: cloud.url, pairingCode: code, name, kiosk: false });
}

/**
 * A console an admin paired earlier: the cloud knows it and its token is in `secrets`. The caller
 * writes the store's sync setup (`saveSyncSetup`) with what it needs of the answer.
 */
export async function pairedEarlier(cloud: Pick<TestCloud, 'store' | 'url'>, secrets: ImmediateSecretStore, name: string, kiosk = false) {
  const { code } = await cloud.store.createPairingCode(name, { kiosk });
  const paired = await pairConsole(cloud.url, { pairingCode: code, name, kiosk });
  secrets.entries.set(`cloud-token:${paired.consoleId}`, paired.token);
  return paired;
}
