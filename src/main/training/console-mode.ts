import fs from 'node:fs';
import path from 'node:path';
import { databaseFileName } from '../store/database';

export interface ConsoleModeRequest {
  /** The data folder the console would use (PORTER_DATA_DIR, --data-dir, or the user's). */
  dataDir: string;
  /** `--training` was given. */
  training: boolean;
  /** `--demo-scale N`: a generated community, which is demo data and so trained on only. */
  demoScale?: number;
  /** `--community FILE`: the community a first real start imports. */
  communityFile?: string;
}

export interface ConsoleMode {
  training: boolean;
  dataDir: string;
  /** Why training was chosen without `--training` (logged at start), else null. */
  note: string | null;
}

/**
 * Which console a host starts. Training when asked, for a generated community, and on a
 * fresh machine: a data folder with no store yet and no community file to start a real console
 * from opens the demo in training. Training keeps its own folder (`<data folder>/training`,
 * scale communities under it), so its simulated doors never mix with a real console's store.
 */
export function consoleMode(request: ConsoleModeRequest): ConsoleMode {
  const trainingDir = path.join(request.dataDir, 'training');
  if (request.demoScale) return { training: true, dataDir: path.join(trainingDir, `scale-${request.demoScale}`), note: null };
  if (request.training) return { training: true, dataDir: trainingDir, note: null };
  if (request.communityFile || fs.existsSync(path.join(request.dataDir, databaseFileName))) return { training: false, dataDir: request.dataDir, note: null };
  return {
    training: true,
    dataDir: trainingDir,
    note: 'No console has been set up on this computer yet, so Porter opens the demo in training mode. Start it with --community <file> to set up the real console.',
  };
}

/** `--training` on the command line. */
export function trainingFrom(argv: readonly string[]): boolean {
  return argv.includes('--training');
}

/** `--community FILE` or `--community=FILE`; undefined when absent. */
export function communityFileFrom(argv: readonly string[]): string | undefined {
  const at = argv.findIndex((a) => a === '--community' || a.startsWith('--community='));
  if (at === -1) return undefined;
  const value = argv[at]!.includes('=') ? argv[at]!.slice('--community='.length) : argv[at + 1];
  if (!value) throw new Error('--community needs the path of a community file.');
  return path.resolve(value);
}

/** `--zwave-stick PATH` or `--zwave-stick=PATH` on either host's command line; undefined when absent. */
export function zwaveStickFrom(argv: readonly string[]): string | undefined {
  const at = argv.findIndex((a) => a === '--zwave-stick' || a.startsWith('--zwave-stick='));
  if (at === -1) return undefined;
  const value = argv[at]!.includes('=') ? argv[at]!.slice('--zwave-stick='.length) : argv[at + 1];
  if (!value || value.startsWith('--')) throw new Error('--zwave-stick needs the device path of a Z-Wave stick, e.g. /dev/ttyACM0 or COM3.');
  return value;
}
