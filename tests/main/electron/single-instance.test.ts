import type { App, BrowserWindow as ElectronWindow } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import { claimSingleInstance } from '../../../src/main/electron/single-instance';
import { app, BrowserWindow, fakeEvent, resetElectronMock } from '../../mocks/electron';

beforeEach(resetElectronMock);

const claim = (window?: BrowserWindow) =>
  claimSingleInstance(app as unknown as App, () => window as unknown as ElectronWindow | undefined);

describe('single instance', () => {
  it('the first instance takes the lock and keeps running', () => {
    expect(claim()).toBe(true);
    expect(app.requestSingleInstanceLock).toHaveBeenCalledOnce();
    expect(app.quit).not.toHaveBeenCalled();
  });

  it('a second instance, refused the lock, quits', () => {
    app.requestSingleInstanceLock.mockReturnValue(false);
    expect(claim()).toBe(false);
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.listenerCount('second-instance')).toBe(0);
  });

  it('the first instance brings its window forward when a second one starts', () => {
    const window = new BrowserWindow();
    window.minimized = true;
    claim(window);
    app.emit('second-instance', fakeEvent(), ['porter'], '/home/office');
    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.focus).toHaveBeenCalledOnce();
  });

  it('does nothing when its window is gone', () => {
    const window = new BrowserWindow();
    window.destroy();
    claim(window);
    expect(() => app.emit('second-instance', fakeEvent(), [], '/')).not.toThrow();
    expect(window.focus).not.toHaveBeenCalled();
  });
});
