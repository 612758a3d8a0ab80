/**
 * Frames of the browser host's WebSocket carrier. The Electron carrier needs none: it uses
 * ipcRenderer.invoke and webContents.send on the two channels below.
 */
import type { Envelope } from './envelope';

export const invokeChannel = 'porter:invoke';
export const eventChannel = 'porter:event';

/** Path of the browser host's WebSocket endpoint; the token rides in the query. */
export const socketPath = '/porter';

export type ClientFrame = { id: number; command: string; input: unknown };
export type ServerFrame =
  | { id: number; envelope: Envelope<unknown> }
  | { event: string; payload: unknown };
