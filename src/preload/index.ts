import { contextBridge, ipcRenderer } from 'electron';
import type { PorterApi } from '../shared/contract';
import { isContractCommand, isContractEvent } from '../shared/contract-names';
import { eventChannel, invokeChannel } from '../shared/wire';

/**
 * The renderer's only door to the core: contract names in, envelopes out. It checks names only
 * (contract-names.ts, no schema library): main parses every input against the contract.
 */
const porter: PorterApi = {
  invoke(command, input) {
    // Like dispatch, never echo what was sent: it may be markup or a forged log line.
    if (!isContractCommand(command))
      return Promise.resolve({ ok: false, error: { code: 'unknown_command', message: 'There is no such command in the contract.' } });
    return ipcRenderer.invoke(invokeChannel, command, input);
  },
  on(event, listener) {
    if (!isContractEvent(event)) throw new Error('There is no such event in the contract.');
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
