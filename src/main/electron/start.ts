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
import { devToolsAllowed } from './window-options';

export interface StartOptions {
  /** Starts the core: in a worker thread for the app, in-process in tests. */
  createCore(options: CoreOptions): Core | Promise<Core>;
  env?: NodeJS.ProcessEnv;
  /** Command-line arguments (process.argv): `--demo-scale N` opens a generated community of N units; `--kiosk` runs as an office kiosk. */
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

  const demoScale = demoScaleFrom(options.argv ?? process.argv);
  // A scale community lives in its own folder, so it never mixes with the everyday demo.
  const dataDir = dataDirFromEnv ?? (demoScale ? path.join(app.getPath('userData'), `scale-${demoScale}`) : app.getPath('userData'));
  const core = await options.createCore({
    dataDir,
    demoScale,
    host: 'electron',
    hardware: 'auto',
    secrets: 'keychain',
    kiosk,
    loadDemoWhenEmpty: true,
    sqliteNativeBinding: electronSqliteBinding({ isPackaged: app.isPackaged, appRoot: app.getAppPath(), electronVersion: process.versions.electron }),
  });
  const trust = createSenderTrust<WebContents>(page);
  const unbind = bindElectronCarrier({
    core,
    isTrustedSender: (event) => trust.isTrustedSender(event),
    eventTargets: () => trust.trustedTargets(),
  });
  app.once('will-quit', () => {
    unbind();
    core.close();
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
