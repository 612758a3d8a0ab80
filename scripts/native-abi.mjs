#!/usr/bin/env node
/**
 * usage: node scripts/native-abi.mjs electron|node
 *
 * better-sqlite3 is not N-API: the build in node_modules is for the Node that runs the
 * tests (Node 20), and Electron, which bundles its own Node, cannot load it. `electron`
 * makes an Electron-ABI copy beside it, never touching node_modules:
 *
 *   .native/electron-<electron version>/better_sqlite3.node   (+ build-info.json)
 *
 * src/main/electron/app-paths.ts finds it there and the core opens SQLite with it
 * (better-sqlite3's `nativeBinding` option), when running from source only: a packaged app
 * loads the module electron-builder rebuilt for it. It is built in a temporary copy of
 * node_modules/better-sqlite3 with `prebuild-install --runtime electron`, or failing that
 * with node-gyp against Electron's headers. Both need the network (GitHub releases,
 * electronjs.org/headers) unless npm_config_nodedir points at Electron headers on disk.
 *
 * `node` has nothing to do: node_modules already holds the Node build. node-hid, usb and
 * keytar are N-API and load in both runtimes unchanged.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const electronHeadersUrl = 'https://electronjs.org/headers';

export class NativeAbiError extends Error {
  name = 'NativeAbiError';
}

/** Where the Electron-ABI build lives; src/main/electron/app-paths.ts uses the same convention. */
export function electronBindingPath(root, electronVersion) {
  return path.join(root, '.native', `electron-${electronVersion}`, 'better_sqlite3.node');
}

export function installedVersion(root, name) {
  const file = path.join(root, 'node_modules', name, 'package.json');
  if (!fs.existsSync(file)) throw new NativeAbiError(`${name} is not installed (${file} is missing): run npm install first.`);
  return JSON.parse(fs.readFileSync(file, 'utf8')).version;
}

/** The commands tried in order, each run inside the temporary copy of better-sqlite3. */
export function buildAttempts(root, { electronVersion, arch, platform }) {
  const local = (...parts) => path.join(root, 'node_modules', ...parts);
  const prebuildInstall = local('prebuild-install', 'bin.js');
  const nodeGyp = local('node-gyp', 'bin', 'node-gyp.js');
  const gypArgs = ['rebuild', '--release', `--target=${electronVersion}`, `--arch=${arch}`, `--dist-url=${electronHeadersUrl}`];
  return [
    {
      name: 'prebuild-install',
      command: process.execPath,
      args: [prebuildInstall, '--runtime', 'electron', '--target', electronVersion, '--arch', arch, '--platform', platform],
      available: fs.existsSync(prebuildInstall),
    },
    fs.existsSync(nodeGyp)
      ? { name: 'node-gyp', command: process.execPath, args: [nodeGyp, ...gypArgs], available: true }
      : { name: 'node-gyp', command: platform === 'win32' ? 'npx.cmd' : 'npx', args: ['--yes', 'node-gyp', ...gypArgs], available: true },
  ];
}

function runCommand(command, args, { cwd }) {
  return spawnSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 15 * 60 * 1000 });
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const noise = /ERR! (System|command|cwd|node -v|node-gyp -v|not ok)|stack\s+at |^gyp info/;

/** The lines of a failed build's stderr that say why, not where. */
function reasons(stderr, count = 6) {
  const lines = String(stderr ?? '').split('\n').map((line) => line.trim()).filter((line) => line && !noise.test(line));
  const telling = lines.filter((line) => /err|warn|fail|not found|enotfound/i.test(line));
  const shown = (telling.length ? telling : lines).slice(-count);
  return shown.length ? `\n      ${shown.join('\n      ')}` : '';
}

/**
 * Makes sure .native/electron-<version>/better_sqlite3.node exists and matches the installed
 * electron and better-sqlite3; builds it when not. Returns its path; throws NativeAbiError
 * with every attempt's reason when it cannot be built.
 */
export function ensureElectronBinding({
  root = projectRoot,
  run = runCommand,
  log = (line) => console.log(line),
  platform = process.platform,
  arch = process.arch,
} = {}) {
  const electronVersion = installedVersion(root, 'electron');
  const sqliteVersion = installedVersion(root, 'better-sqlite3');
  const target = electronBindingPath(root, electronVersion);
  const infoFile = path.join(path.dirname(target), 'build-info.json');
  const wanted = { electron: electronVersion, betterSqlite3: sqliteVersion, platform, arch };
  const have = readJson(infoFile);
  if (fs.existsSync(target) && have && Object.entries(wanted).every(([key, value]) => have[key] === value))
    return { path: target, built: false };

  // Real path: with a linked node_modules (pnpm, npm link) the copy must not be a symlink back.
  const source = fs.realpathSync(path.join(root, 'node_modules', 'better-sqlite3'));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'porter-native-'));
  const moduleDir = path.join(work, 'better-sqlite3');
  const skipped = [path.join(source, 'build'), path.join(source, 'node_modules')];
  try {
    // The Node build in build/ must not be mistaken for the result.
    fs.cpSync(source, moduleDir, { recursive: true, filter: (from) => !skipped.some((dir) => from === dir || from.startsWith(dir + path.sep)) });
    const failures = [];
    for (const attempt of buildAttempts(root, { electronVersion, arch, platform })) {
      if (!attempt.available) {
        failures.push(`${attempt.name}: not installed`);
        continue;
      }
      log(`native-abi: building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${platform}-${arch}) with ${attempt.name}…`);
      const result = run(attempt.command, attempt.args, { cwd: moduleDir });
      const built = path.join(moduleDir, 'build', 'Release', 'better_sqlite3.node');
      if (result.status === 0 && fs.existsSync(built)) {
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.copyFileSync(built, target);
        fs.writeFileSync(infoFile, `${JSON.stringify({ ...wanted, via: attempt.name }, null, 2)}\n`);
        return { path: target, built: true, via: attempt.name };
      }
      const why = result.error ? result.error.message : result.status === 0 ? 'finished without producing build/Release/better_sqlite3.node' : `exited with code ${result.status}`;
      failures.push(`${attempt.name}: ${why}${reasons(result.stderr)}`);
    }
    throw new NativeAbiError(
      [
        `native-abi: could not build better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${platform}-${arch}).`,
        ...failures.map((failure) => `  - ${failure}`),
        'Both ways need the network: prebuild-install downloads a prebuilt binary from better-sqlite3\'s GitHub releases,',
        `node-gyp downloads Electron's headers from ${electronHeadersUrl}. With the headers on disk, set`,
        'npm_config_nodedir=<folder with Electron headers> and run `node scripts/native-abi.mjs electron` again.',
        'Tests and the browser host (`npm run serve`) do not need this build; only the Electron app does.',
      ].join('\n'),
    );
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function main(argv) {
  const mode = argv[0];
  if (mode === 'node') return 0;
  if (mode !== 'electron') {
    console.error('usage: node scripts/native-abi.mjs electron|node');
    return 2;
  }
  try {
    const result = ensureElectronBinding();
    const shown = path.relative(process.cwd(), result.path) || result.path;
    console.log(result.built ? `native-abi: built ${shown} (${result.via})` : `native-abi: ${shown} is up to date`);
    return 0;
  } catch (error) {
    console.error(error instanceof NativeAbiError ? error.message : error);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) process.exitCode = main(process.argv.slice(2));
