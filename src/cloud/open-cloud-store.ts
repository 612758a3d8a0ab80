import { readCommunityFile } from './community/community-file';
import { hashPasscode } from './staff/passcode';
import type { CloudStore } from './store/cloud-store';
import { ownerOnlyFolder } from './store/owner-only';
import { openPostgresCloudStore } from './store/postgres/open-postgres-cloud-store';
import { openSqliteCloudStore } from './store/sqlite/sqlite-cloud-store';

/**
 * Opens the store (PostgreSQL at `databaseUrl`, else SQLite in the data folder) and, on
 * first start, seeds it from the community file.
 */
export async function openCloudStore(options: { dataDir: string; communityFile: string; databaseUrl?: string | null }): Promise<CloudStore> {
  // On PostgreSQL the data folder still holds texts.jsonl (--texts file).
  if (options.databaseUrl) ownerOnlyFolder(options.dataDir);
  const store = options.databaseUrl ? await openPostgresCloudStore(options.databaseUrl) : openSqliteCloudStore(options.dataDir);
  try {
    if (!(await store.hasCommunity())) await seedOnce(store, options.communityFile);
    else await hashMissingPasscodes(store, options.communityFile);
    return store;
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** Instances started together on an empty database race to seed it: one does, the others find it seeded and go on. */
async function seedOnce(store: CloudStore, communityFile: string): Promise<void> {
  try {
    await store.seedCommunity(readCommunityFile(communityFile));
  } catch (error) {
    if (!(await store.hasCommunity())) throw error;
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
