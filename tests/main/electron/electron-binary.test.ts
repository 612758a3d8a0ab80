/** The check that decides whether the Electron end-to-end test runs or reports itself skipped. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findElectronBinary } from '../../e2e-electron/electron-binary';

let root: string;
const electronDir = () => path.join(root, 'node_modules/electron');

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'porter-electron-bin-'));
  vi.stubEnv('ELECTRON_OVERRIDE_DIST_PATH', '');
});
afterEach(() => {
  vi.unstubAllEnvs();
  fs.rmSync(root, { recursive: true, force: true });
});

function install(options: { pathTxt?: string; binary?: string }): void {
  fs.mkdirSync(electronDir(), { recursive: true });
  fs.writeFileSync(path.join(electronDir(), 'package.json'), '{"name":"electron","version":"45.5.0"}');
  if (options.pathTxt !== undefined) fs.writeFileSync(path.join(electronDir(), 'path.txt'), options.pathTxt);
  if (options.binary) {
    const file = path.join(electronDir(), 'dist', options.binary);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '');
  }
}

describe('finding the Electron binary without downloading it', () => {
  it('is absent when the package is not installed', () => {
    expect(findElectronBinary(root)).toMatchObject({ found: false, reason: expect.stringContaining('not installed') });
  });

  it('is absent when the binary was never downloaded (no path.txt), as on this machine', () => {
    install({});
    expect(findElectronBinary(root)).toMatchObject({ found: false, reason: expect.stringContaining('path.txt') });
  });

  it('is absent when path.txt names a file that is not there', () => {
    install({ pathTxt: 'electron' });
    expect(findElectronBinary(root)).toMatchObject({ found: false, reason: expect.stringContaining('dist') });
  });

  it('is found where path.txt says', () => {
    install({ pathTxt: 'electron', binary: 'electron' });
    expect(findElectronBinary(root)).toEqual({ found: true, executablePath: path.join(electronDir(), 'dist/electron') });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH, as the electron package does', () => {
    install({});
    const dist = path.join(root, 'custom-dist');
    fs.mkdirSync(dist);
    fs.writeFileSync(path.join(dist, 'electron'), '');
    vi.stubEnv('ELECTRON_OVERRIDE_DIST_PATH', dist);
    expect(findElectronBinary(root)).toEqual({ found: true, executablePath: path.join(dist, 'electron') });
  });
});
