import type { Session } from 'electron';
import { installContentSecurityPolicy } from './content-security-policy';

/**
 * The console asks the browser for nothing: no camera, notifications, HID, serial or USB from
 * the page (hardware goes through main's device layer), and every response gets our CSP.
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  installContentSecurityPolicy(session);
}
