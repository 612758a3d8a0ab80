/**
 * scripts/native-abi.mjs without the network: the build commands are replaced by fakes that
 * succeed or fail the way prebuild-install and node-gyp do.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

interface RunResult {
  status: number | null;
  stderr?: string;
  error?: Error;
}
type Run = (command: string, args: string[], options: { cwd: string }) => RunResult;
interface NativeAbi {
  ensureElectronBinding(options: { root: string; run: Run; log?: (line: string) => void; platform?: string; arch?: string }): {
    path: string;
    built: boolean;
    via?: string;
  };
  electronBindingPath(root: string, electronVersion: string): string;
}

const script = path.resolve('scripts/native-abi.mjs');
const nativeAbi = (await import(script)) as NativeAbi;

let root: string;

function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value));
}

/** A project with electron and better-sqlite3 "installed", and fake build tools. */
function project(versions: { electron: string; sqlite: string }): void {
  writeJson(path.join(root, 'node_modules/electron/package.json'), { name: 'electron', version: versions.electron });
  const sqlite = path.join(root, 'node_modules/better-sqlite3');
  writeJson(path.join(sqlite, 'package.json'), { name: 'better-sqlite3', version: versions.sqlite });
  fs.writeFileSync(path.join(sqlite, 'binding.gyp'), '{}');
  fs.mkdirSync(path.join(sqlite, 'build/Release'), { recursive: true });
  fs.writeFileSync(path.join(sqlite, 'build/Release/better_sqlite3.node'), 'node-abi-build');
  fs.mkdirSync(path.join(root, 'node_modules/prebuild-install'), { recursive: true });
  fs.writeFileSync(path.join(root, 'node_modules/prebuild-install/bin.js'), '');
  fs.mkdirSync(path.join(root, 'node_modules/node-gyp/bin'), { recursive: true });
  fs.writeFileSync(path.join(root, 'node_modules/node-gyp/bin/node-gyp.js'), '');
}

/** A build step that writes build/Release/better_sqlite3.node, as a successful one does. */
const builds =
  (content: string): Run =>
  (_command, _args, { cwd }) => {
    fs.mkdirSync(path.join(cwd, 'build/Release'), { recursive: true });
    fs.writeFileSync(path.join(cwd, 'build/Release/better_sqlite3.node'), content);
    return { status: 0 };
  };
const offline: Run = () => ({ status: 1, stderr: 'prebuild-install warn install getaddrinfo ENOTFOUND github.com\n' });
const silent = () => undefined;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'porter-abi-'));
  project({ electron: '45.5.0', sqlite: '12.4.1' });
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('native-abi electron', () => {
  it('builds with prebuild-install for the installed Electron, in a copy, into .native/electron-<version>', () => {
    const seen: { args: string[]; cwd: string; hadNodeBuild: boolean; hadSources: boolean }[] = [];
    const run = vi.fn<Run>((command, args, options) => {
      seen.push({
        args,
        cwd: options.cwd,
        hadNodeBuild: fs.existsSync(path.join(options.cwd, 'build')),
        hadSources: fs.existsSync(path.join(options.cwd, 'binding.gyp')),
      });
      return builds('electron-abi-build')(command, args, options);
    });
    const result = nativeAbi.ensureElectronBinding({ root, run, log: silent, platform: 'linux', arch: 'x64' });

    const target = path.join(root, '.native/electron-45.5.0/better_sqlite3.node');
    expect(result).toEqual({ path: target, built: true, via: 'prebuild-install' });
    expect(fs.readFileSync(target, 'utf8')).toBe('electron-abi-build');
    expect(run).toHaveBeenCalledOnce();
    expect(seen[0]!.args.join(' ')).toContain('--runtime electron --target 45.5.0 --arch x64 --platform linux');
    // Built in a temporary copy holding the sources but not the Node build...
    expect(seen[0]!.cwd.startsWith(root)).toBe(false);
    expect(seen[0]!.hadSources).toBe(true);
    expect(seen[0]!.hadNodeBuild).toBe(false);
    expect(fs.existsSync(seen[0]!.cwd)).toBe(false);
    // ...so node_modules keeps the Node build the tests use.
    expect(fs.readFileSync(path.join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'), 'utf8')).toBe('node-abi-build');
  });

  it('falls back to node-gyp against the Electron headers when no prebuilt binary can be had', () => {
    const run = vi.fn<Run>().mockImplementationOnce(offline).mockImplementationOnce(builds('compiled'));
    const result = nativeAbi.ensureElectronBinding({ root, run, log: silent, arch: 'x64' });
    expect(result.via).toBe('node-gyp');
    expect(run.mock.calls[1]![1]).toEqual(
      expect.arrayContaining(['rebuild', '--release', '--target=45.5.0', '--arch=x64', '--dist-url=https://electronjs.org/headers']),
    );
    expect(fs.readFileSync(result.path, 'utf8')).toBe('compiled');
  });

  it('fails with a message naming both attempts and their reasons, leaving nothing behind', () => {
    const run = vi.fn<Run>(offline);
    expect(() => nativeAbi.ensureElectronBinding({ root, run, log: silent })).toThrow(
      /could not build better-sqlite3 12\.4\.1 for Electron 45\.5\.0[\s\S]*prebuild-install: exited with code 1[\s\S]*ENOTFOUND github\.com[\s\S]*node-gyp: exited with code 1[\s\S]*npm_config_nodedir/,
    );
    expect(fs.existsSync(path.join(root, '.native'))).toBe(false);
  });

  it('does not count a build that exits 0 without producing the addon', () => {
    const run = vi.fn<Run>(() => ({ status: 0 }));
    expect(() => nativeAbi.ensureElectronBinding({ root, run, log: silent })).toThrow(/without producing/);
  });

  it('does nothing when the build for this Electron and better-sqlite3 is there', () => {
    nativeAbi.ensureElectronBinding({ root, run: builds('first'), log: silent });
    const run = vi.fn<Run>(builds('second'));
    const result = nativeAbi.ensureElectronBinding({ root, run, log: silent });
    expect(result.built).toBe(false);
    expect(run).not.toHaveBeenCalled();
    expect(fs.readFileSync(result.path, 'utf8')).toBe('first');
  });

  it('rebuilds after better-sqlite3 is upgraded, and builds anew for a new Electron', () => {
    nativeAbi.ensureElectronBinding({ root, run: builds('old'), log: silent });
    project({ electron: '45.5.0', sqlite: '12.5.0' });
    expect(nativeAbi.ensureElectronBinding({ root, run: builds('upgraded'), log: silent }).built).toBe(true);
    project({ electron: '46.0.0', sqlite: '12.5.0' });
    const result = nativeAbi.ensureElectronBinding({ root, run: builds('new electron'), log: silent });
    expect(result.path).toBe(nativeAbi.electronBindingPath(root, '46.0.0'));
    expect(fs.readFileSync(result.path, 'utf8')).toBe('new electron');
  });

  it('says what is missing when electron is not installed', () => {
    fs.rmSync(path.join(root, 'node_modules/electron'), { recursive: true });
    expect(() => nativeAbi.ensureElectronBinding({ root, run: offline, log: silent })).toThrow(/electron is not installed/);
  });
});

describe('native-abi command line', () => {
  it('`node` has nothing to do and prints nothing', () => {
    const result = spawnSync(process.execPath, [script, 'node'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout + result.stderr).toBe('');
  });

  it('anything else prints the usage and exits 2', () => {
    const result = spawnSync(process.execPath, [script, 'electon'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('usage: node scripts/native-abi.mjs electron|node');
  });
});
