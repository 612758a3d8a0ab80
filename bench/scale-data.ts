import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sealAuditLogNow } from '../src/main/activity/seal-audit-log';
import { loadScaleCommunity } from '../src/main/demo/load-scale-community';
import { processSecrets } from '../src/main/secrets/memory-secret-store';
import { createHash } from 'node:crypto';
import { databaseFileName, openDatabase } from '../src/main/store/database';
import { migrations } from '../src/main/store/migrations';

/**
 * A fresh copy of a generated community of `units` units for one benchmark run. The
 * community is generated once into bench/.cache (about 20 s at 10,000 units) and copied
 * from there, so every run starts from the same store.
 */
export function freshScaleDataDir(units: number): string {
  // Keyed by the schema, so a changed migration never benchmarks a stale store.
  const schema = createHash('sha256').update(migrations.map((m) => m.sql).join('\n')).digest('hex').slice(0, 10);
  const template = path.resolve('bench/.cache', `scale-${units}-${schema}`);
  if (!fs.existsSync(path.join(template, databaseFileName))) {
    console.error(`generating a ${units}-unit community into ${path.relative(process.cwd(), template)} (once)…`);
    // The store alone, as a core fills it at first start (sealed, then the community), closed before it is copied.
    const db = openDatabase({ dataDir: template });
    sealAuditLogNow(db, processSecrets, () => new Date());
    loadScaleCommunity(db, () => new Date(), units);
    db.close();
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'porter-bench-'));
  fs.copyFileSync(path.join(template, databaseFileName), path.join(dir, databaseFileName));
  return dir;
}
