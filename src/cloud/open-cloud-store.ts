import { readCommunityFile } from './community/community-file';
import { hashPasscode } from './staff/passcode';
import type { CloudStore } from './store/cloud-store';
import { openSqliteCloudStore } from './store/sqlite/sqlite-cloud-store';

/** Opens the store in the data folder and, on first start, seeds it from the community file. */
export async function openCloudStore(options: { dataDir: string; communityFile: string }): Promise<CloudStore> {
  const store = openSqliteCloudStore(options.dataDir);
  try {
    if (!(await store.hasCommunity())) await store.seedCommunity(readCommunityFile(options.communityFile));
    else await hashMissingPasscodes(store, options.communityFile);
    return store;
  } catch (error) {
    await store.close();
    throw error;
  }
}

/**
 * A store seeded before the cloud checked passcodes has none: they come from the community
 * file (which has them) once. Until then those staff cannot sign in online.
 */
async function hashMissingPasscodes(store: CloudStore, communityFile: string): Promise<void> {
  const missing = await store.staffWithoutPasscode();
  if (missing.length === 0) return;
  const staff = readCommunityFile(communityFile).staff;
  for (const id of missing) {
    const member = staff.find((s) => s.id === id);
    if (member) await store.setStaffPasscode(id, hashPasscode(member.passcode));
  }
}
