import fs from 'node:fs';
import path from 'node:path';

/** Where the built pieces sit next to the main bundle (out/main/index.js). */
export interface AppPaths {
  /** out/preload/index.cjs: CommonJS, the only kind a sandboxed window can load. */
  preload: string;
  /** out/renderer/index.html */
  rendererIndex: string;
}

export function appPaths(mainDir: string): AppPaths {
  const outDir = path.resolve(mainDir, '..');
  return {
    preload: path.join(outDir, 'preload', 'index.cjs'),
    rendererIndex: path.join(outDir, 'renderer', 'index.html'),
  };
}

/**
 * The Electron-ABI build of better-sqlite3 made by `node scripts/native-abi.mjs electron`:
 * .native/electron-<version>/better_sqlite3.node under the app root. Undefined when absent
 * (a packaged build whose node_modules were rebuilt for Electron needs none).
 */
export function electronSqliteBinding(appRoot: string, electronVersion: string | undefined): string | undefined {
  if (!electronVersion) return undefined;
  const candidate = path.join(appRoot, '.native', `electron-${electronVersion}`, 'better_sqlite3.node');
  return fs.existsSync(candidate) ? candidate : undefined;
}
