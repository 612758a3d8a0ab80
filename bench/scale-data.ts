import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../src/main/core';
import { databaseFileName } from '../src/main/store/database';

/**
 * A fresh copy of a generated community of `units` units for one benchmark run. The
 * community is generated once into bench/.cache (about 20 s at 10,000 units) and copied
 * from there, so every run starts from the same store.
 */
export function freshScaleDataDir(units: number): string {
  const template = path.resolve('bench/.cache', `scale-${units}`);
  if (!fs.existsSync(path.join(template, databaseFileName))) {
    console.error(`generating a ${units}-unit community into ${path.relative(process.cwd(), template)} (once)…`);
    createCore({ dataDir: template, loadDemoWhenEmpty: true, demoScale: units }).close();
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'porter-bench-'));
  fs.copyFileSync(path.join(template, databaseFileName), path.join(dir, databaseFileName));
  return dir;
}
