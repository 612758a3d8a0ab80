import type { Session } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy, withContentSecurityPolicy } from '../../../src/main/electron/content-security-policy';
import { hardenSession } from '../../../src/main/electron/session-hardening';
import { resetElectronMock, session } from '../../mocks/electron';

beforeEach(() => {
  resetElectronMock();
  hardenSession(session.defaultSession as unknown as Session);
});

describe('permissions', () => {
  it.each(['media', 'notifications', 'geolocation', 'hid', 'serial', 'usb', 'openExternal', 'clipboard-read'])(
    'a request for %s is denied',
    (permission) => {
      const callback = vi.fn();
      session.defaultSession.permissionRequestHandler?.({}, permission, callback, {});
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    },
  );

  it('a permission check always answers no', () => {
    expect(session.defaultSession.permissionCheckHandler?.({}, 'media', 'file://', {})).toBe(false);
    expect(session.defaultSession.permissionCheckHandler?.(null, 'hid', 'file://', {})).toBe(false);
  });

  it('no device (HID, serial, USB) is handed to the page', () => {
    expect(session.defaultSession.devicePermissionHandler?.({ deviceType: 'hid', origin: 'file://' })).toBe(false);
  });
});

describe('content security policy', () => {
  it('is strict: nothing but the app itself, no plugins, no framing', () => {
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ])
      expect(contentSecurityPolicy.split('; ')).toContain(directive);
    expect(contentSecurityPolicy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('is set on every response, replacing any policy the response carried', () => {
    const listener = session.defaultSession.webRequest.headersReceived;
    expect(listener).toBeTypeOf('function');
    const callback = vi.fn();
    listener?.(
      {
        url: 'http://localhost:5173/',
        responseHeaders: { 'content-type': ['text/html'], 'content-security-policy': ["default-src *"] },
      },
      callback,
    );
    expect(callback).toHaveBeenCalledOnce();
    const headers = callback.mock.calls[0]![0].responseHeaders as Record<string, string[]>;
    expect(headers['Content-Security-Policy']).toEqual([contentSecurityPolicy]);
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['content-type']).toEqual(['text/html']);
  });

  it('is added to a response without headers', () => {
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [contentSecurityPolicy] });
  });
});
