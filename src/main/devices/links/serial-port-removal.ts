import { existsSync, watch, type FSWatcher } from 'node:fs';
import { dirname } from 'node:path';

/** How often the port is looked for when the directory cannot be watched. */
const pollMs = 1000;

/**
 * Calls `onRemoved` once the serial port's device node is gone. noble's UART driver never learns
 * of an unplug on Linux: the kernel hangs the tty up, reads return 0 bytes, and
 * @serialport/bindings-cpp 12 retries a 0-byte read at once, forever, without closing the port
 * (serialport/bindings-cpp#162). The node disappearing is what says the dongle went; closing
 * the central then stops that loop.
 */
export function watchSerialPortRemoval(port: string, onRemoved: () => void): () => void {
  let done = false;
  const check = () => {
    if (done || existsSync(port)) return;
    stop();
    onRemoved();
  };
  let watcher: FSWatcher | null = null;
  try {
    watcher = watch(dirname(port), { persistent: false }, check);
    watcher.on('error', () => undefined); // the directory itself went (a pty's temporary one): the poll sees it
  } catch {
    // no inotify here: the poll alone will do
  }
  const poll = setInterval(check, pollMs);
  poll.unref();
  const stop = () => {
    done = true;
    watcher?.close();
    clearInterval(poll);
  };
  return stop;
}
