import os from 'node:os';
import path from 'node:path';

/**
 * Where the console keeps its SQLite file: PORTER_DATA_DIR, or the same folder Electron's
 * app.getPath('userData') gives for the product name "Porter", so both hosts share one store.
 */
export function defaultDataDir(env = process.env, platform = process.platform): string {
  if (env.PORTER_DATA_DIR) return env.PORTER_DATA_DIR;
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Porter');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Porter');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Porter');
}
