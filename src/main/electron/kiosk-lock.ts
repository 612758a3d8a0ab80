import type { Input, WebContents } from 'electron';
import { isDevToolsShortcut } from './devtools-lock';

/**
 * The shortcuts a kiosk visitor could use to leave the console's page or reset it: reload
 * (F5, Ctrl/Cmd+R, with Shift), zoom, back and forward, closing and quitting. Devtools'
 * shortcuts are locked separately (devtools-lock.ts).
 */
export function isKioskEscapeShortcut(input: Pick<Input, 'type' | 'key' | 'control' | 'meta' | 'shift' | 'alt'>): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.toLowerCase();
  const command = input.control || input.meta;
  if (key === 'f5' || key === 'f11' || key === 'browserback' || key === 'browserforward') return true;
  if (input.alt && (key === 'arrowleft' || key === 'arrowright' || key === 'f4')) return true;
  return command && ['r', 'w', 'q', 'n', 't', '+', '=', '-', '0', 'p'].includes(key);
}

/** Swallows the escape shortcuts (and devtools') on the kiosk window. */
export function lockKiosk(contents: WebContents): void {
  contents.on('before-input-event', (event, input) => {
    if (isKioskEscapeShortcut(input) || isDevToolsShortcut(input)) event.preventDefault();
  });
}

/** `--kiosk` on the command line, or PORTER_KIOSK=1 in the environment (how a kiosk's autostart sets it). */
export function kioskFrom(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  return argv.includes('--kiosk') || env.PORTER_KIOSK === '1';
}
