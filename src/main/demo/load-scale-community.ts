import fs from 'node:fs';
import { CommunityFile } from '../../shared/community-file';
import { importCommunity } from '../store/community-import';
import { getCommunity } from '../store/community-repo';
import type { Db } from '../store/database';
import { resourcePath } from '../resources-path';
import { scaleCommunityFile } from './scale-community';
import { seedScaleCredentials } from './seed-scale-credentials';

/** `--demo-scale N`: a generated community of N units with about 8 credentials each. */
export function loadScaleCommunity(db: Db, now: () => Date, units: number): void {
  const demo = CommunityFile.parse(JSON.parse(fs.readFileSync(resourcePath('demo', 'community.json'), 'utf8')));
  importCommunity(db, scaleCommunityFile(units, demo), now().toISOString(), 'Scale data');
  seedScaleCredentials(db, getCommunity(db), now());
}
