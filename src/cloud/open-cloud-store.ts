import { readCommunityFile } from './community/community-file';
import type { CloudStore } from './store/cloud-store';
import { openSqliteCloudStore } from './store/sqlite/sqlite-cloud-store';

/** Opens the store in the data folder and, on first start, seeds it from the community file. */
export async function openCloudStore(options: { dataDir: string; communityFile: string }): Promise<CloudStore> {
  const store = openSqliteCloudStore(options.dataDir);
  try {
    if (!(await store.hasCommunity())) await store.seedCommunity(readCommunityFile(options.communityFile));
    return store;
  } catch (error) {
    await store.close();
    throw error;
  }
}
