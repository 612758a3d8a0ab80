import path from 'node:path';
import { app, dialog, protocol, session, type BrowserWindow, type WebContents } from 'electron';
import type { Core, CoreOptions } from '../core-types';
import { bindElectronCarrier } from '../ipc/electron-carrier';
import { createSenderTrust } from './trusted-sender';
import { resolveAppPage } from './app-page';
import { appPaths, electronSqliteBinding } from './app-paths';
import { handleAppScheme, registerAppScheme } from './app-protocol';
import { debuggingSwitchIn } from './devtools-lock';
import { createMainWindow, loadAppPage } from './main-window';
import { hardenSession } from './session-hardening';
import { claimSingleInstance } from './single-instance';
import { installWebContentsGuard } from './web-contents-guard';
import { kioskFrom, lockKiosk } from './kiosk-lock';
import { communityFileFrom, consoleMode, trainingFrom, zwaveStickFrom } from '../training/console-mode';
import { devToolsAllowed } from './window-options';

export interface StartOptions {
  /** Starts the core: in a worker thread for the app, in-process in tests. */
  createCore(options: CoreOptions): Core | Promise<Core>;
  env?: NodeJS.ProcessEnv;
  /**
   * Command-line arguments (process.argv): `--training` opens training mode; `--community FILE` sets up a real
   * console from a community file; `--demo-scale N` opens a generated community of N units (in training);
   * `--kiosk` runs as an office kiosk; `--zwave-stick PATH` offers a Z-Wave stick the USB listing does not show.
   */
  argv?: readonly string[];
  /** Folder of the main bundle (out/main); the preload and renderer sit beside it. */
  mainDir?: string;
}

export interface RunningPorter {
  window: BrowserWindow;
  core: Core;
}

/**
 * The Electron shell's whole life: one instance, hardening before the first window, the core
 * behind the carrier, one window on the app page. Undefined when another instance runs.
 */
export async function startPorter(options: StartOptions): Promise<RunningPorter | undefined> {
  const env = options.env ?? process.env;
  const debugging = app.isPackaged ? debuggingSwitchIn(app.commandLine) : undefined;
  if (debugging) throw new Error(`Porter does not start with --${debugging}: a debugger would reach the console's page.`);
  const paths = appPaths(options.mainDir ?? __dirname);
  const dataDirFromEnv = env.PORTER_DATA_DIR ? path.resolve(env.PORTER_DATA_DIR) : undefined;
  // A console on its own data dir (tests, a second community) gets its own profile and lock.
  if (dataDirFromEnv) app.setPath('userData', path.join(dataDirFromEnv, 'electron-profile'));

  const shown: { window?: BrowserWindow } = {};
  if (!claimSingleInstance(app, () => shown.window)) return undefined;

  const kiosk = kioskFrom(options.argv ?? process.argv, env);
  const devTools = devToolsAllowed({ isPackaged: app.isPackaged, kiosk });
  const page = resolveAppPage({
    isPackaged: app.isPackaged,
    rendererUrl: env.ELECTRON_RENDERER_URL,
    rendererDir: paths.rendererDir,
  });
  registerAppScheme(protocol);
  app.enableSandbox();
  installWebContentsGuard(app, { page, lockDevTools: !devTools });
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  hardenSession(session.defaultSession);
  handleAppScheme(protocol, paths.rendererDir);

  const argv = options.argv ?? process.argv;
  const demoScale = demoScaleFrom(argv);
  const communityFile = communityFileFrom(argv);
  const mode = consoleMode({ dataDir: dataDirFromEnv ?? app.getPath('userData'), training: trainingFrom(argv), demoScale, communityFile });
  if (mode.note) console.log(`[porter] ${mode.note}`);
  const core = await options.createCore({
    dataDir: mode.dataDir,
    demoScale,
    host: 'electron',
    hardware: mode.training ? 'training' : 'real',
    zwaveStick: zwaveStickFrom(argv),
    secrets: 'keychain',
    kiosk,
    // Only training opens on the demo; a real console starts from its community file.
    loadDemoWhenEmpty: mode.training,
    communityFile,
    sqliteNativeBinding: electronSqliteBinding({ isPackaged: app.isPackaged, appRoot: app.getAppPath(), electronVersion: process.versions.electron }),
  });
  const trust = createSenderTrust<WebContents>(page);
  const unbind = bindElectronCarrier({
    core,
    isTrustedSender: (event) => trust.isTrustedSender(event),
    eventTargets: () => trust.trustedTargets(),
  });
  // Quitting waits for the core to close in order (a job in hand records how it ended).
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    unbind();
    void core.close().finally(() => {
      closed = true;
      app.quit();
    });
  });

  const window = createMainWindow({ preloadPath: paths.preload, devTools, kiosk });
  if (kiosk) lockKiosk(window.webContents);
  shown.window = window;
  trust.trust(window.webContents);
  await loadAppPage(window, page);
  return { window, core };
}

/** Starts Porter; a failure to start is shown to the person at the console, then the app exits. */
export function runPorter(options: StartOptions): void {
  startPorter(options).catch((error: unknown) => {
    console.error('[porter] could not start:', error);
    dialog.showErrorBox('Porter could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}

/** `--demo-scale N` or `--demo-scale=N`; undefined when absent. A bad value stops the start with a clear message. */
export function demoScaleFrom(argv: readonly string[]): number | undefined {
  const at = argv.findIndex((a) => a === '--demo-scale' || a.startsWith('--demo-scale='));
  if (at === -1) return undefined;
  const raw = argv[at]!.includes('=') ? argv[at]!.split('=')[1] : argv[at + 1];
  const units = Number(raw);
  if (!Number.isInteger(units) || units < 1 || units > 100_000)
    throw new Error(`--demo-scale must be a number of units from 1 to 100000, not "${raw ?? ''}"`);
  return units;
}
