import WebSocket from 'ws';
import type { BrowserHost } from '../src/main/host/browser-host';
import { latencyFigures, timeEach, type Figure } from './stats';

/** A small command's round trip over the browser host's WebSocket carrier. */
export async function contractFigures(host: BrowserHost): Promise<Figure[]> {
  const ws = new WebSocket(`${host.origin.replace('http', 'ws')}/porter?token=${host.token}`, { origin: host.origin });
  await new Promise((resolve) => ws.once('open', resolve));
  let id = 0;
  const roundTrip = (): Promise<unknown> =>
    new Promise((resolve) => {
      const mine = ++id;
      const onMessage = (data: WebSocket.RawData): void => {
        if ((JSON.parse(String(data)) as { id?: number }).id !== mine) return;
        ws.off('message', onMessage);
        resolve(null);
      };
      ws.on('message', onMessage);
      ws.send(JSON.stringify({ id: mine, command: 'session.get', input: {} }));
    });
  const samples = await timeEach(500, roundTrip);
  ws.close();
  return latencyFigures('contract.ws_round_trip', samples);
}
