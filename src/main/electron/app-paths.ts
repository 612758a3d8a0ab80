import fs from 'node:fs';
import path from 'node:path';

/** Where the built pieces sit next to the main bundle (out/main/electron-main.js). */
export interface AppPaths {
  /** out/preload/index.cjs: CommonJS, the only kind a sandboxed window can load. */
  preload: string;
  /** out/renderer: the only folder porter://app serves. */
  rendererDir: string;
}

export function appPaths(mainDir: string): AppPaths {
  const outDir = path.resolve(mainDir, '..');
  return {
    preload: path.join(outDir, 'preload', 'index.cjs'),
    rendererDir: path.join(outDir, 'renderer'),
  };
}

/**
 * The Electron-ABI build of better-sqlite3 made by `node scripts/native-abi.mjs electron`:
 * .native/electron-<version>/better_sqlite3.node under the app root. Undefined when absent.
 * Only for running from source: a packaged build carries node_modules rebuilt for Electron
 * by electron-builder, and must never load a binary from beside the app.
 */
export function electronSqliteBinding(options: { isPackaged: boolean; appRoot: string; electronVersion: string | undefined }): string | undefined {
  const { isPackaged, appRoot, electronVersion } = options;
  if (isPackaged || !electronVersion) return undefined;
  const candidate = path.join(appRoot, '.native', `electron-${electronVersion}`, 'better_sqlite3.node');
  return fs.existsSync(candidate) ? candidate : undefined;
}
