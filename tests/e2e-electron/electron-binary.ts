import fs from 'node:fs';
import path from 'node:path';

export type ElectronBinary = { found: true; executablePath: string } | { found: false; reason: string };

/**
 * Where the Electron executable is, found the way node_modules/electron/index.js finds it
 * (path.txt, dist/, ELECTRON_OVERRIDE_DIST_PATH) but without its fallback of downloading the
 * binary, which here would hang on the network and then throw.
 */
export function findElectronBinary(root: string): ElectronBinary {
  const packageDir = path.join(root, 'node_modules', 'electron');
  if (!fs.existsSync(path.join(packageDir, 'package.json')))
    return { found: false, reason: 'the electron package is not installed (run npm install)' };
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!relative && !override)
    return {
      found: false,
      reason:
        'the Electron binary was never downloaded (node_modules/electron/path.txt is missing): ' +
        'this machine cannot reach its download host; run `npx install-electron` where it can',
    };
  const executablePath = override ? path.join(override, relative || 'electron') : path.join(packageDir, 'dist', relative!);
  if (!fs.existsSync(executablePath))
    return { found: false, reason: `the Electron binary is not at ${executablePath}` };
  return { found: true, executablePath };
}
