#!/usr/bin/env node
/**
 * usage: npm run dist [-- <electron-builder arguments, e.g. --linux, --win, --mac>]
 *
 * Builds a release on a machine with network access: electron-vite builds out/, then
 * electron-builder (config: electron-builder.ts) fetches Electron for the target, rebuilds the
 * native modules for Electron's ABI, packs app.asar, flips the fuses and writes the installers
 * to dist/. electron-builder rebuilds better-sqlite3 in node_modules itself, which leaves it
 * unusable by the Node that runs the tests and the browser host: so, whatever the outcome,
 * the Node build is put back afterwards.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command, args) {
  console.log(`dist: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  return result.status ?? 1;
}

let status = run(npx, ['electron-vite', 'build']);
if (status === 0) {
  status = run(npx, ['electron-builder', '--config', 'electron-builder.ts', '--publish', 'never', ...process.argv.slice(2)]);
  const restored = run(npm, ['rebuild', 'better-sqlite3']);
  if (restored !== 0) console.error('dist: could not rebuild better-sqlite3 for Node; run `npm rebuild better-sqlite3` before testing.');
}
process.exitCode = status;
