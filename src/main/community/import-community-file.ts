import fs from 'node:fs';
import { CommunityFile } from '../../shared/community-file';
import { importCommunity } from '../store/community-import';
import type { Db } from '../store/database';
import { firstIssueWords } from '../../shared/plain-words';

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
    throw new Error(`The community file ${file} is not a community file: ${firstIssueWords(parsed.error, 'the file')}`);
  }
  importCommunity(db, parsed.data, now().toISOString(), 'Community file');
}
