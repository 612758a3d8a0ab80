import fs from 'node:fs';
import { CommunityFile } from '../../shared/community-file';

export { unitDoor, type CommunityFile } from '../../shared/community-file';

/** The community file the cloud is seeded from: the same file, and schema, a console is set up from. */
export function readCommunityFile(path: string): CommunityFile {
  return CommunityFile.parse(JSON.parse(fs.readFileSync(path, 'utf8')));
}
