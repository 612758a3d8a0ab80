import fs from 'node:fs';
import path from 'node:path';

/**
 * The one place main finds resources/: PORTER_RESOURCES_DIR if set, the packaged app's
 * resources folder, or the repository's resources/ when running from source or out/.
 */
export function resourcesDir(): string {
  const fromEnv = process.env.PORTER_RESOURCES_DIR;
  if (fromEnv) return fromEnv;
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = [
    packaged && path.join(packaged, 'resources'),
    ...ancestors(__dirname).map((dir) => path.join(dir, 'resources')),
    ...ancestors(process.cwd()).map((dir) => path.join(dir, 'resources')),
  ].filter((c): c is string => Boolean(c));
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'demo', 'community.json')));
  if (!found) throw new Error(`resources/ not found (looked in ${candidates.slice(0, 3).join(', ')}…); set PORTER_RESOURCES_DIR.`);
  return found;
}

function ancestors(start: string): string[] {
  const dirs: string[] = [];
  for (let dir = start; ; dir = path.dirname(dir)) {
    dirs.push(dir);
    if (path.dirname(dir) === dir) return dirs;
  }
}

export function resourcePath(...parts: string[]): string {
  return path.join(resourcesDir(), ...parts);
}
