/**
 * The release packaging, checked without packaging (Electron's binary cannot be fetched here):
 * electron-builder's own loader and schema read electron-builder.ts, and its own file matcher
 * says what would ship and what would be unpacked from the asar.
 */
import fs from 'node:fs';
import path from 'node:path';
import { FileMatcher } from 'app-builder-lib/out/fileMatcher';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'electron-builder';
import { beforeAll, describe, expect, it } from 'vitest';
import { nativeModules } from '../../../electron-builder';

const root = path.resolve(__dirname, '../../..');
const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  scripts: Record<string, string>;
};
let config: Configuration;

beforeAll(async () => {
  config = await getConfig(root, null, null);
});

/** Does electron-builder's matcher for `patterns` take this path (relative to the app folder)? */
function matcher(patterns: string[]): (relative: string) => boolean {
  const filter = new FileMatcher(root, '', (pattern) => pattern, patterns).createFilter();
  const file = { isDirectory: () => false } as fs.Stats;
  return (relative) => filter(path.join(root, relative), file);
}

/** The app's file patterns: electron-builder's loader turns the list into a file set on the app folder. */
function filePatterns(): string[] {
  return [config.files ?? []].flat().flatMap((entry) => (typeof entry === 'string' ? [entry] : [entry.filter ?? []].flat()));
}

/** Packages with a compiled addon among the production dependencies, direct or not. */
function nativeDependencies(): string[] {
  const seen = new Set<string>();
  const native = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    const dir = path.join(root, 'node_modules', name);
    if (!fs.existsSync(path.join(dir, 'package.json'))) return; // an optional dependency for another platform
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    if (fs.existsSync(path.join(dir, 'binding.gyp')) || fs.existsSync(path.join(dir, 'prebuilds'))) native.add(name);
    for (const dependency of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) visit(dependency);
  };
  Object.keys(packageJson.dependencies).forEach(visit);
  return [...native].sort();
}

describe('the electron-builder configuration', () => {
  it('is valid for electron-builder', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('builds an AppImage and a deb, an NSIS installer and a dmg', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.publish).toBeNull();
  });

  it('flips the fuses: no running as Node, no NODE_OPTIONS, no --inspect, only app.asar and only an intact one, encrypted cookies', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // Integrity validation needs an asar with its integrity embedded.
    expect(config.asar).toBe(true);
  });

  it('unpacks every native module of the dependencies from the asar, and rebuilds them for Electron', () => {
    const found = nativeDependencies();
    expect(found).toEqual(expect.arrayContaining(['better-sqlite3', 'keytar', 'node-hid', 'usb', '@stoprocent/noble', '@serialport/bindings-cpp']));
    expect([...nativeModules].sort()).toEqual(found);
    const unpacked = matcher(config.asarUnpack as string[]);
    for (const name of found) {
      expect(unpacked(`node_modules/${name}/build/Release/addon.node`), name).toBe(true);
      expect(unpacked(`node_modules/${name}/package.json`), name).toBe(true);
    }
    expect(unpacked('out/main/electron-main.js')).toBe(false);
    expect(config.npmRebuild).not.toBe(false);
  });

  it('ships the built app and the demo community, and no sources, tests, fixtures, benches, scripts or .native/', () => {
    const shipped = matcher(filePatterns());
    for (const file of ['package.json', 'out/main/electron-main.js', 'out/main/core-worker.js', 'out/main/ble-host.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'out/renderer/assets/index-abc.js', 'resources/demo/community.json'])
      expect(shipped(file), file).toBe(true);
    for (const file of [
      'src/main/electron-main.ts',
      'simulators/devices/sim-hid-bus.ts',
      'tests/main/electron/packaging.test.ts',
      'tests/fixtures/keyprog/transcript.json',
      'tests/e2e/console.spec.ts',
      'bench/run.ts',
      'scripts/native-abi.mjs',
      '.native/electron-45.5.0/better_sqlite3.node',
      'docs/ARCHITECTURE.md',
      'electron-builder.ts',
      'resources/installer/icon.png',
      'out/main/electron-main.js.map',
      '.data/porter.sqlite',
    ])
      expect(shipped(file), file).toBe(false);
  });

  it('trims the dependencies of their tests, examples and C sources, keeping what runs', () => {
    // electron-builder applies only the '!' patterns to node_modules, after taking everything.
    const kept = matcher(['**/*', ...filePatterns().filter((pattern) => pattern.startsWith('!'))]);
    for (const file of ['node_modules/better-sqlite3/lib/index.js', 'node_modules/better-sqlite3/build/Release/better_sqlite3.node', 'node_modules/@stoprocent/noble/prebuilds/linux-x64/node.napi.glibc.node', 'node_modules/zod/index.js'])
      expect(kept(file), file).toBe(true);
    for (const file of ['node_modules/better-sqlite3/deps/sqlite3/sqlite3.c', 'node_modules/@stoprocent/noble/test/test-peripheral.js', 'node_modules/@stoprocent/bluetooth-hci-socket/examples/le-scan.js', 'node_modules/node-hid/src/HID.cc', 'node_modules/usb/README.md'])
      expect(kept(file), file).toBe(false);
  });

  it('is built by `npm run dist`: the app first, then electron-builder with this file', () => {
    expect(packageJson.scripts.dist).toBe('node scripts/dist.mjs');
    const script = fs.readFileSync(path.join(root, 'scripts/dist.mjs'), 'utf8');
    expect(script.indexOf("'electron-vite', 'build'")).toBeGreaterThan(-1);
    expect(script.indexOf("'electron-builder', '--config', 'electron-builder.ts'")).toBeGreaterThan(script.indexOf("'electron-vite', 'build'"));
  });
});
