/**
 * The one global mock of `electron` (vitest.config.ts aliases 'electron' here): the real
 * module would try to download a binary. Every method is a vi.fn() so tests can assert on
 * calls; the fakes also keep what was registered (handlers, listeners, constructor options)
 * so tests can drive them. Call resetElectronMock() in beforeEach.
 *
 * Tests that need the fakes' own API import this file directly; it is the same module
 * instance as the 'electron' that src/ imports.
 */
import { pathToFileURL } from 'node:url';
import { vi } from 'vitest';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Listener = (...args: any[]) => unknown;

/** Node's EventEmitter surface, with spies. */
export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();

  on = vi.fn((event: string, listener: Listener) => {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  });

  once = vi.fn((event: string, listener: Listener) => {
    const wrapped: Listener = (...args) => {
      this.removeListener(event, wrapped);
      return listener(...args);
    };
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), wrapped]);
    return this;
  });

  removeListener = vi.fn((event: string, listener: Listener) => {
    this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== listener));
    return this;
  });

  off = this.removeListener;

  emit(event: string, ...args: unknown[]): boolean {
    const listeners = this.listeners.get(event) ?? [];
    for (const listener of listeners) listener(...args);
    return listeners.length > 0;
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }

  removeAllListeners(): this {
    this.listeners.clear();
    return this;
  }
}

/** An Electron event: preventDefault() is recorded in defaultPrevented. */
export class FakeEvent {
  defaultPrevented = false;
  preventDefault = vi.fn(() => {
    this.defaultPrevented = true;
  });
}

export function fakeEvent<T extends object>(props: T = {} as T): FakeEvent & T {
  return Object.assign(new FakeEvent(), props);
}

export class FakeWebFrameMain {
  constructor(
    public url: string,
    public parent: FakeWebFrameMain | null = null,
  ) {}

  /** A child frame (an iframe) of this frame. */
  child(url: string): FakeWebFrameMain {
    return new FakeWebFrameMain(url, this);
  }
}

let nextWebContentsId = 1;

export class FakeWebContents extends FakeEmitter {
  readonly id = nextWebContentsId++;
  readonly mainFrame: FakeWebFrameMain;
  destroyed = false;
  devToolsOpened = false;
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | undefined;

  constructor(url = 'about:blank') {
    super();
    this.mainFrame = new FakeWebFrameMain(url);
  }

  send = vi.fn((_channel: string, ..._args: unknown[]) => {
    if (this.destroyed) throw new Error('Object has been destroyed');
  });
  setWindowOpenHandler = vi.fn((handler: FakeWebContents['windowOpenHandler']) => {
    this.windowOpenHandler = handler;
  });
  getURL = vi.fn(() => this.mainFrame.url);
  isDestroyed = vi.fn(() => this.destroyed);
  loadURL = vi.fn(async (url: string) => {
    this.mainFrame.url = url;
  });
  openDevTools = vi.fn(() => {
    this.devToolsOpened = true;
    this.emit('devtools-opened');
  });
  closeDevTools = vi.fn(() => {
    this.devToolsOpened = false;
  });
  isDevToolsOpened = vi.fn(() => this.devToolsOpened);

  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

/** BrowserWindow: records its constructor options; every instance is kept in BrowserWindow.instances. */
export class BrowserWindow extends FakeEmitter {
  static readonly instances: BrowserWindow[] = [];
  static getAllWindows = vi.fn(() => BrowserWindow.instances.filter((w) => !w.destroyed));
  static getFocusedWindow = vi.fn((): BrowserWindow | null => null);
  static fromWebContents = vi.fn(
    (contents: FakeWebContents) => BrowserWindow.instances.find((w) => w.webContents === contents) ?? null,
  );

  readonly webContents = new FakeWebContents();
  destroyed = false;
  minimized = false;

  constructor(readonly options: Record<string, unknown> = {}) {
    super();
    BrowserWindow.instances.push(this);
    // As in Electron, the app hears of every new web contents.
    app.emit('web-contents-created', fakeEvent(), this.webContents);
  }

  loadFile = vi.fn(async (filePath: string) => {
    this.webContents.mainFrame.url = pathToFileURL(filePath).href;
  });
  loadURL = vi.fn(async (url: string) => {
    this.webContents.mainFrame.url = url;
  });
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn(() => {
    this.minimized = false;
  });
  isMinimized = vi.fn(() => this.minimized);
  isDestroyed = vi.fn(() => this.destroyed);
  close = vi.fn(() => this.destroy());
  destroy = vi.fn(() => {
    this.destroyed = true;
    this.webContents.destroy();
    this.emit('closed');
  });
}

class FakeApp extends FakeEmitter {
  isPackaged = false;
  /** Set once whenReady() has been awaited: protocol.handle needs it, registerSchemesAsPrivileged refuses it. */
  ready = false;
  name = 'Porter';
  readonly paths = new Map<string, string>();
  whenReady = vi.fn(async () => {
    this.ready = true;
  });
  isReady = vi.fn(() => this.ready);
  getPath = vi.fn((name: string) => this.paths.get(name) ?? `/tmp/porter-electron-mock/${name}`);
  setPath = vi.fn((name: string, value: string) => {
    this.paths.set(name, value);
  });
  getAppPath = vi.fn(() => process.cwd());
  getVersion = vi.fn(() => '0.0.0-test');
  requestSingleInstanceLock = vi.fn(() => true);
  releaseSingleInstanceLock = vi.fn();
  enableSandbox = vi.fn();
  quit = vi.fn();
  exit = vi.fn();
  focus = vi.fn();
  commandLine = { appendSwitch: vi.fn(), hasSwitch: vi.fn((_name: string) => false), getSwitchValue: vi.fn((_name: string) => '') };
}

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

class FakeIpcMain extends FakeEmitter {
  readonly handlers = new Map<string, InvokeHandler>();
  handle = vi.fn((channel: string, handler: InvokeHandler) => {
    // Electron throws on a second handler for one channel; so does the mock.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  });
  handleOnce = vi.fn();
  removeHandler = vi.fn((channel: string) => {
    this.handlers.delete(channel);
  });

  /** What ipcRenderer.invoke(channel, ...args) from the sender in `event` would get back. */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}

type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { cancel?: boolean; responseHeaders?: Record<string, string | string[]> }) => void,
) => void;

class FakeSession {
  permissionRequestHandler: Listener | null = null;
  permissionCheckHandler: Listener | null = null;
  devicePermissionHandler: Listener | null = null;
  setPermissionRequestHandler = vi.fn((handler: Listener | null) => {
    this.permissionRequestHandler = handler;
  });
  setPermissionCheckHandler = vi.fn((handler: Listener | null) => {
    this.permissionCheckHandler = handler;
  });
  setDevicePermissionHandler = vi.fn((handler: Listener | null) => {
    this.devicePermissionHandler = handler;
  });
  readonly webRequest = {
    headersReceived: null as HeadersListener | null,
    onHeadersReceived: vi.fn((filterOrListener: unknown, maybeListener?: unknown) => {
      const listener = (maybeListener ?? filterOrListener) as HeadersListener | null;
      this.webRequest.headersReceived = listener;
    }),
  };
}

type ProtocolHandler = (request: Request) => Response | Promise<Response>;

/** protocol: records the privileged schemes (once, before ready, as Electron insists) and the handlers. */
class FakeProtocol {
  privileged: { scheme: string; privileges?: Record<string, boolean> }[] | null = null;
  readonly handlers = new Map<string, ProtocolHandler>();
  registerSchemesAsPrivileged = vi.fn((schemes: { scheme: string; privileges?: Record<string, boolean> }[]) => {
    if (this.privileged) throw new Error('registerSchemesAsPrivileged can be called only once');
    if (app.ready) throw new Error('registerSchemesAsPrivileged must be called before the app is ready');
    this.privileged = schemes;
  });
  handle = vi.fn((scheme: string, handler: ProtocolHandler) => {
    if (!app.ready) throw new Error('protocol.handle can be used only once the app is ready');
    if (this.handlers.has(scheme)) throw new Error(`The scheme "${scheme}" is already handled`);
    this.handlers.set(scheme, handler);
  });
  isProtocolHandled = vi.fn((scheme: string) => this.handlers.has(scheme));

  /** What the page would get for `url`, as Chromium asks the handler. */
  async request(url: string, method = 'GET'): Promise<Response> {
    const handler = this.handlers.get(new URL(url).protocol.slice(0, -1));
    if (!handler) throw new Error(`net::ERR_UNKNOWN_URL_SCHEME (${url})`);
    return handler(new Request(url, { method }));
  }
}

/** A utility process: records how it was forked and what it was sent; the test plays the child. */
export class FakeUtilityProcess extends FakeEmitter {
  static readonly instances: FakeUtilityProcess[] = [];
  pid: number | undefined = 4242;
  readonly sent: unknown[] = [];

  constructor(
    readonly modulePath: string,
    readonly args: string[],
    readonly options: Record<string, unknown>,
  ) {
    super();
    FakeUtilityProcess.instances.push(this);
  }

  postMessage = vi.fn((message: unknown) => {
    if (this.pid === undefined) throw new Error('The utility process has exited');
    this.sent.push(message);
  });
  kill = vi.fn(() => {
    this.exit(0);
    return true;
  });

  /** The child ends: 'exit' with its code, as Electron emits it. */
  exit(code: number): void {
    if (this.pid === undefined) return;
    this.pid = undefined;
    this.emit('exit', code);
  }
}

export const utilityProcess = {
  fork: vi.fn((modulePath: string, args: string[] = [], options: Record<string, unknown> = {}) => new FakeUtilityProcess(modulePath, args, options)),
};

export const app = new FakeApp();
export const protocol = new FakeProtocol();
export const ipcMain = new FakeIpcMain();
export const session = { defaultSession: new FakeSession() };
export const dialog = { showErrorBox: vi.fn(), showMessageBox: vi.fn(async () => ({ response: 0 })) };
export const shell = { openExternal: vi.fn(async () => undefined) };
export const Menu = { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn(() => ({})) };

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    contextBridge.exposed.set(key, api);
  }),
};

class FakeIpcRenderer extends FakeEmitter {
  invoke = vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => undefined);
  send = vi.fn();
}
export const ipcRenderer = new FakeIpcRenderer();

/** Resets every spy on `target` (vitest 4: back to the implementation given to vi.fn). */
function resetSpies(target: object): void {
  for (const value of Object.values(target)) if (vi.isMockFunction(value)) value.mockReset();
}

/** Fresh fakes for the next test: no listeners, handlers, windows or recorded calls. */
export function resetElectronMock(): void {
  app.removeAllListeners();
  app.paths.clear();
  app.isPackaged = false;
  app.ready = false;
  resetSpies(app);
  resetSpies(app.commandLine);
  protocol.privileged = null;
  protocol.handlers.clear();
  resetSpies(protocol);
  FakeUtilityProcess.instances.length = 0;
  resetSpies(utilityProcess);
  ipcMain.removeAllListeners();
  ipcMain.handlers.clear();
  resetSpies(ipcMain);
  session.defaultSession = new FakeSession();
  BrowserWindow.instances.length = 0;
  resetSpies(BrowserWindow);
  resetSpies(dialog);
  resetSpies(shell);
  resetSpies(Menu);
  contextBridge.exposed.clear();
  resetSpies(contextBridge);
  ipcRenderer.removeAllListeners();
  resetSpies(ipcRenderer);
}

const electron = { app, BrowserWindow, ipcMain, session, protocol, utilityProcess, dialog, shell, Menu, contextBridge, ipcRenderer };
export default electron;
