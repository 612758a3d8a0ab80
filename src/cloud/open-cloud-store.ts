import { readCommunityFile } from './community/community-file';
import { hashPasscode } from './staff/passcode';
import type { CloudStore } from './store/cloud-store';
import { ownerOnlyFolder } from './store/owner-only';
import { openPostgresCloudStore } from './store/postgres/open-postgres-cloud-store';
import { openSqliteCloudStore } from './store/sqlite/sqlite-cloud-store';

/**
 * Opens the store (PostgreSQL at `databaseUrl`, else SQLite in the data folder). A cloud that
 * holds no community yet starts with the one in `communityFile` (the embedded default: the
 * demo community), unless `seed` is false (an operator adding their own first community).
 */
export async function openCloudStore(options: { dataDir: string; communityFile: string; databaseUrl?: string | null; seed?: boolean }): Promise<CloudStore> {
  // On PostgreSQL the data folder still holds texts.jsonl (--texts file).
  if (options.databaseUrl) ownerOnlyFolder(options.dataDir);
  const store = options.databaseUrl ? await openPostgresCloudStore(options.databaseUrl) : openSqliteCloudStore(options.dataDir);
  try {
    if ((await store.communities()).length === 0) {
      if (options.seed !== false) await seedOnce(store, options.communityFile);
    } else await hashMissingPasscodes(store, options.communityFile);
    return store;
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** Instances started together on an empty database race to seed it: one does, the others find it seeded and go on. */
async function seedOnce(store: CloudStore, communityFile: string): Promise<void> {
  try {
    await store.addCommunity(readCommunityFile(communityFile));
  } catch (error) {
    if ((await store.communities()).length === 0) throw error;
  }
}

/**
 * A store seeded before the cloud checked passcodes has none: they come from the community
 * file (which has them) once, for the community of that file if the cloud holds it. Until
 * then those staff cannot sign in online.
 */
async function hashMissingPasscodes(store: CloudStore, communityFile: string): Promise<void> {
  const file = readCommunityFile(communityFile);
  if (!(await store.communities()).some((c) => c.id === file.community.id)) return;
  const community = store.forCommunity(file.community.id);
  const missing = await community.staffWithoutPasscode();
  for (const id of missing) {
    const member = file.staff.find((s) => s.id === id);
    if (member) await community.setStaffPasscode(id, hashPasscode(member.passcode));
  }
}
