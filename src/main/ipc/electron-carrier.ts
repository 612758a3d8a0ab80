/**
 * The Electron carrier: contract calls arrive on ipcMain's invoke channel, core events leave
 * by webContents.send. Its only jobs are transport and sender trust; the core's dispatch
 * does parsing, size caps, roles and the error envelope.
 */
import { ipcMain as electronIpcMain, type IpcMain, type IpcMainInvokeEvent } from 'electron';
import type { Envelope } from '../../shared/envelope';
import { eventChannel, invokeChannel } from '../../shared/wire';
import type { Connection, Core } from '../core-types';

export interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

export interface ElectronCarrierOptions {
  core: Pick<Core, 'connect' | 'onEvent'>;
  isTrustedSender(event: IpcMainInvokeEvent): boolean;
  /** The trusted windows' web contents at the moment an event is sent. */
  eventTargets(): Iterable<EventTarget>;
  /** Electron's ipcMain unless a test passes its own. */
  ipcMain?: Pick<IpcMain, 'handle' | 'removeHandler'>;
}

export const untrustedSenderRefusal: Envelope<never> = {
  ok: false,
  error: { code: 'untrusted_sender', message: "Refused: the call did not come from the console's own page." },
};

const internalFailure: Envelope<never> = {
  ok: false,
  error: { code: 'internal', message: 'The console core failed to answer. Details are in the main process log.' },
};

/** Binds the carrier; the returned function unbinds it (handler removed, events no longer forwarded). */
export function bindElectronCarrier(options: ElectronCarrierOptions): () => void {
  const ipcMain = options.ipcMain ?? electronIpcMain;
  const { core } = options;
  // Each window has its own connection, so its own signed-in staff member.
  const connections = new Map<number, Connection>();
  const connectionOf = (sender: IpcMainInvokeEvent['sender']): Connection => {
    let connection = connections.get(sender.id);
    if (!connection) {
      // The console's window: one source for guessing, whatever its webContents id this run.
      const opened = core.connect('electron:window');
      connections.set(sender.id, opened);
      sender.once?.('destroyed', () => {
        opened.close();
        connections.delete(sender.id);
      });
      connection = opened;
    }
    return connection;
  };

  ipcMain.handle(invokeChannel, async (event, command: unknown, input: unknown): Promise<Envelope<unknown>> => {
    if (!senderIsTrusted(options, event)) {
      console.warn(`[porter] refused ${describe(command)} from an untrusted sender`);
      return untrustedSenderRefusal;
    }
    try {
      return await connectionOf(event.sender).dispatch(command, input);
    } catch (error) {
      // dispatch answers envelopes by contract; anything thrown past it stays in main.
      console.error(`[porter] dispatch of ${describe(command)} threw:`, error);
      return internalFailure;
    }
  });

  const stopForwarding = core.onEvent((name, payload) => {
    for (const target of options.eventTargets()) {
      if (target.isDestroyed()) continue;
      try {
        target.send(eventChannel, name, payload);
      } catch (error) {
        console.warn(`[porter] could not forward ${name} to a window:`, error);
      }
    }
  });

  return () => {
    stopForwarding();
    ipcMain.removeHandler(invokeChannel);
    for (const connection of connections.values()) connection.close();
    connections.clear();
  };
}

function senderIsTrusted(options: ElectronCarrierOptions, event: IpcMainInvokeEvent): boolean {
  try {
    return options.isTrustedSender(event);
  } catch {
    return false;
  }
}

function describe(command: unknown): string {
  return typeof command === 'string' ? JSON.stringify(command.slice(0, 64)) : `a ${typeof command} command`;
}
