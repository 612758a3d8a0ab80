import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { openCore } from '../core';
import type { Core, CoreOptions } from '../core-types';
import { attachSocketCarrier } from '../ipc/socket-carrier';
import { serveRenderer } from './static-files';

export interface BrowserHostOptions {
  /** 0 picks a free port. */
  port: number;
  rendererDir: string;
  core: Omit<CoreOptions, 'host'>;
}

export interface BrowserHost {
  /** The page to open, with the run's token in the fragment (never sent to a server log). */
  url: string;
  origin: string;
  token: string;
  core: Core;
  close(): Promise<void>;
}

/** The same core as the Electron window, serving the built renderer on 127.0.0.1 only. */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const core = await openCore({ ...options.core, host: 'browser' });
  const token = randomBytes(24).toString('base64url');
  const server = http.createServer(serveRenderer(options.rendererDir));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Once listening, a failure to accept (too many open files) is logged; the host goes on.
  server.on('error', (error) => console.error('[porter] the browser host’s server:', error));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const detach = attachSocketCarrier({
    server,
    core,
    token,
    allowedOrigins: [origin, `http://localhost:${port}`],
  });
  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    core,
    async close() {
      detach();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await core.close();
    },
  };
}
