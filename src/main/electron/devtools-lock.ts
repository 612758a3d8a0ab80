import type { Input, WebContents } from 'electron';

/** F12, Ctrl+Shift+I/J/C (Windows, Linux) and Cmd+Alt+I/J/C (macOS): the ways in to devtools. */
export function isDevToolsShortcut(input: Pick<Input, 'type' | 'key' | 'control' | 'meta' | 'shift' | 'alt'>): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.toLowerCase();
  if (key === 'f12') return true;
  if (!['i', 'j', 'c'].includes(key)) return false;
  return (input.control && input.shift) || (input.meta && input.alt);
}

/**
 * Belt and braces on top of webPreferences.devTools = false: swallow the shortcuts and
 * close devtools if anything opens them anyway.
 */
export function lockDevTools(contents: WebContents): void {
  contents.on('before-input-event', (event, input) => {
    if (isDevToolsShortcut(input)) event.preventDefault();
  });
  contents.on('devtools-opened', () => contents.closeDevTools());
}

/**
 * Chromium switches that hand the page to a debugger outside the app (the DevTools protocol
 * on a port or a pipe): from there anyone could call the core as the signed-in staff member.
 * A packaged app refuses to start with one; Node's --inspect is closed by a fuse instead.
 */
const debuggingSwitches = ['remote-debugging-port', 'remote-debugging-pipe'];

export function debuggingSwitchIn(commandLine: { hasSwitch(name: string): boolean }): string | undefined {
  return debuggingSwitches.find((name) => commandLine.hasSwitch(name));
}
