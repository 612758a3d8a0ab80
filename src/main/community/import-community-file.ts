import fs from 'node:fs';
import { CommunityFile } from '../../shared/community-file';
import { importCommunity } from '../store/community-import';
import type { Db } from '../store/database';

/** Sets up a real console's empty store from a community file; a file that is not one stops the start, saying where. */
export function importCommunityFile(db: Db, file: string, now: () => Date): void {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`The community file ${file} could not be read as JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = CommunityFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`The community file ${file} is not a community file: ${issue.path.join('.') || 'the file'}: ${issue.message}`);
  }
  importCommunity(db, parsed.data, now().toISOString(), 'Community file');
}
