import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as ElectronMock from '../mocks/electron';
import type { PorterApi } from '../../src/shared/contract';
import { eventChannel, invokeChannel } from '../../src/shared/wire';

describe('the preload', () => {
  let porter: PorterApi;
  let contextBridge: typeof ElectronMock.contextBridge;
  let ipcRenderer: typeof ElectronMock.ipcRenderer;

  // window.porter as a sandboxed page gets it: a fresh preload (and electron) per page load.
  beforeEach(async () => {
    vi.resetModules();
    ({ contextBridge, ipcRenderer } = (await import('electron')) as unknown as typeof ElectronMock);
    await import('../../src/preload/index');
    porter = contextBridge.exposed.get('porter') as PorterApi;
  });

  it('exposes window.porter and nothing else', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['porter']);
    expect(Object.keys(porter).sort()).toEqual(['invoke', 'on']);
  });

  it('passes a contract command to main on the invoke channel and answers main’s envelope', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { units: [] } });
    await expect(porter.invoke('units.list', { limit: 5 } as never)).resolves.toEqual({ ok: true, value: { units: [] } });
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(invokeChannel, 'units.list', { limit: 5 });
  });

  it('refuses a name the contract does not list, without reaching main or repeating the name', async () => {
    for (const name of ['units.drop', 'toString', '__proto__', '<img src=x onerror=alert(1)>']) {
      const answer = await porter.invoke(name as never, {} as never);
      expect(answer).toEqual({ ok: false, error: { code: 'unknown_command', message: 'There is no such command in the contract.' } });
    }
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('hands a listener only its own event, until it unsubscribes', () => {
    const heard = vi.fn();
    const unsubscribe = porter.on('data.changed', heard);
    ipcRenderer.emit(eventChannel, {}, 'data.changed', { topics: ['units'] });
    ipcRenderer.emit(eventChannel, {}, 'sync.status', { state: 'idle' });
    expect(heard).toHaveBeenCalledExactlyOnceWith({ topics: ['units'] });

    unsubscribe();
    ipcRenderer.emit(eventChannel, {}, 'data.changed', { topics: ['doors'] });
    expect(heard).toHaveBeenCalledTimes(1);
    expect(ipcRenderer.listenerCount(eventChannel)).toBe(0);
  });

  it('refuses to listen for an event the contract does not list', () => {
    expect(() => porter.on('toString' as never, () => {})).toThrow('There is no such event in the contract.');
    expect(ipcRenderer.on).not.toHaveBeenCalled();
  });
});
