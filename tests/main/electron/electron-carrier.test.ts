import path from 'node:path';
import type { IpcMain } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../../src/shared/envelope';
import { eventChannel, invokeChannel } from '../../../src/shared/wire';
import type { Core, EventListener } from '../../../src/main/core-types';
import { schemePage } from '../../../src/main/electron/app-page';
import { bindElectronCarrier } from '../../../src/main/ipc/electron-carrier';
import { createSenderTrust } from '../../../src/main/electron/trusted-sender';
import { FakeWebContents, FakeWebFrameMain, ipcMain, resetElectronMock } from '../../mocks/electron';

const rendererDir = path.resolve('/app/out/renderer');
const appUrl = 'porter://app/index.html';
const answer: Envelope<unknown> = { ok: true, value: { total: 0, offset: 0, rows: [] } };

function fakeCore() {
  const listeners = new Set<EventListener>();
  const dispatch = vi.fn(async (_command: unknown, _input: unknown): Promise<Envelope<unknown>> => answer);
  const core = {
    dispatch,
    connect: vi.fn(() => ({ dispatch, close: vi.fn() })),
    onEvent: vi.fn((listener: EventListener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
    emit: (name: 'data.changed', payload: { topics: ('units' | 'credentials')[] }) => {
      for (const listener of listeners) listener(name, payload);
    },
    listeners,
  };
  return core satisfies Pick<Core, 'connect' | 'onEvent'>;
}

function setup() {
  const core = fakeCore();
  const trust = createSenderTrust<FakeWebContents>(schemePage(rendererDir));
  const window = new FakeWebContents(appUrl);
  trust.trust(window);
  const unbind = bindElectronCarrier({
    core,
    isTrustedSender: (event) => trust.isTrustedSender(event as never),
    eventTargets: () => trust.trustedTargets(),
  });
  return { core, trust, window, unbind };
}

const invoke = (sender: FakeWebContents, senderFrame: FakeWebFrameMain | null, ...args: unknown[]) =>
  ipcMain.invoke(invokeChannel, { sender, senderFrame }, ...args);

beforeEach(() => {
  resetElectronMock();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

describe('electron carrier: calls', () => {
  it('passes a call from our window on the app page to core.dispatch and answers its envelope', async () => {
    const { core, window } = setup();
    const input = { search: '101' };
    await expect(invoke(window, window.mainFrame, 'units.list', input)).resolves.toEqual(answer);
    expect(core.dispatch).toHaveBeenCalledExactlyOnceWith('units.list', input);
  });

  it('gives each window its own connection (its own signed-in staff), closed when the window goes', async () => {
    const { core, trust, window } = setup();
    const second = new FakeWebContents(appUrl);
    trust.trust(second);
    await invoke(window, window.mainFrame, 'session.get', {});
    await invoke(window, window.mainFrame, 'session.get', {});
    await invoke(second, second.mainFrame, 'session.get', {});
    expect(core.connect).toHaveBeenCalledTimes(2);
    const firstConnection = core.connect.mock.results[0]!.value as { close: ReturnType<typeof vi.fn> };
    window.destroy();
    expect(firstConnection.close).toHaveBeenCalledOnce();
  });

  it.each([
    ['another web contents', () => new FakeWebContents(appUrl), (w: FakeWebContents) => w.mainFrame],
    ['a subframe of our window', undefined, (w: FakeWebContents) => w.mainFrame.child(appUrl)],
    ['a foreign page in our window', undefined, (w: FakeWebContents) => ((w.mainFrame.url = 'https://evil.example/'), w.mainFrame)],
    ['a frame already gone', undefined, () => null],
  ] as const)('refuses %s with untrusted_sender, without calling the core', async (_name, otherSender, frameOf) => {
    const { core, window } = setup();
    const sender = otherSender ? otherSender() : window;
    const result = (await invoke(sender, frameOf(sender), 'access.revoke', { credentialId: 'c-secret-1' })) as Envelope<unknown>;
    expect(result).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });
    expect(core.dispatch).not.toHaveBeenCalled();
    // The refusal is logged by command name only: no payload (it could hold a guest's PIN) in a log line.
    expect(console.warn).toHaveBeenCalledOnce();
    expect(JSON.stringify(vi.mocked(console.warn).mock.calls)).not.toContain('c-secret-1');
  });

  it('refuses when the trust check itself throws', async () => {
    const core = fakeCore();
    bindElectronCarrier({
      core,
      isTrustedSender: () => {
        throw new Error('boom');
      },
      eventTargets: () => [],
    });
    const window = new FakeWebContents(appUrl);
    await expect(invoke(window, window.mainFrame, 'units.list', {})).resolves.toMatchObject({ error: { code: 'untrusted_sender' } });
    expect(core.dispatch).not.toHaveBeenCalled();
  });

  it('answers an internal error envelope, without details, if dispatch throws', async () => {
    const { core, window } = setup();
    core.dispatch.mockRejectedValueOnce(new Error('SQLITE_CORRUPT at /home/office/porter.sqlite'));
    const result = (await invoke(window, window.mainFrame, 'units.list', {})) as Envelope<unknown>;
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('SQLITE_CORRUPT');
  });

  it('uses the ipcMain it is given', () => {
    const own = { handle: vi.fn(), removeHandler: vi.fn() };
    bindElectronCarrier({ core: fakeCore(), isTrustedSender: () => true, eventTargets: () => [], ipcMain: own as unknown as IpcMain });
    expect(own.handle).toHaveBeenCalledWith(invokeChannel, expect.any(Function));
    expect(ipcMain.handlers.has(invokeChannel)).toBe(false);
  });
});

describe('electron carrier: events', () => {
  it('forwards core events to every trusted window, and only those', () => {
    const { core, trust, window } = setup();
    const second = new FakeWebContents(appUrl);
    trust.trust(second);
    const stranger = new FakeWebContents(appUrl);
    const wandered = new FakeWebContents(appUrl);
    trust.trust(wandered);
    wandered.mainFrame.url = 'https://evil.example/';

    core.emit('data.changed', { topics: ['units'] });

    for (const target of [window, second])
      expect(target.send).toHaveBeenCalledExactlyOnceWith(eventChannel, 'data.changed', { topics: ['units'] });
    expect(stranger.send).not.toHaveBeenCalled();
    expect(wandered.send).not.toHaveBeenCalled();
  });

  it('skips a window destroyed in the meantime and keeps serving the others', () => {
    const { core, trust, window } = setup();
    const doomed = new FakeWebContents(appUrl);
    trust.trust(doomed);
    doomed.send.mockImplementation(() => {
      throw new Error('Object has been destroyed');
    });
    core.emit('data.changed', { topics: ['credentials'] });
    expect(window.send).toHaveBeenCalledOnce();
  });
});

describe('electron carrier: unbind', () => {
  it('removes the handler and stops forwarding events', async () => {
    const { core, window, unbind } = setup();
    unbind();
    expect(ipcMain.removeHandler).toHaveBeenCalledWith(invokeChannel);
    await expect(invoke(window, window.mainFrame, 'units.list', {})).rejects.toThrow(/No handler/);
    expect(core.listeners.size).toBe(0);
    core.emit('data.changed', { topics: ['units'] });
    expect(window.send).not.toHaveBeenCalled();
  });
});
