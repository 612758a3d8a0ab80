import { contextBridge, ipcRenderer } from 'electron';
import { isCommandName, isEventName, type PorterApi } from '../shared/contract';
import { eventChannel, invokeChannel } from '../shared/wire';

/** The renderer's only door to the core: contract names in, envelopes out. */
const porter: PorterApi = {
  invoke(command, input) {
    if (!isCommandName(command))
      return Promise.resolve({ ok: false, error: { code: 'unknown_command', message: `Unknown command: ${String(command)}` } });
    return ipcRenderer.invoke(invokeChannel, command, input);
  },
  on(event, listener) {
    if (!isEventName(event)) throw new Error(`Unknown event: ${String(event)}`);
    const handler = (_e: Electron.IpcRendererEvent, name: string, payload: unknown): void => {
      if (name === event) (listener as (p: unknown) => void)(payload);
    };
    ipcRenderer.on(eventChannel, handler);
    return () => {
      ipcRenderer.removeListener(eventChannel, handler);
    };
  },
};

contextBridge.exposeInMainWorld('porter', porter);
