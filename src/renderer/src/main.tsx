import './api/zod-jitless';
import { createRoot } from 'react-dom/client';
import { connectSocketBridge } from './api/socket-bridge';

async function start(): Promise<void> {
  // The app's code loads while the browser host's socket opens: neither waits for the other.
  const app = import('./app/App');
  // In Electron the preload has exposed window.porter; in the browser host we dial the core.
  if (!window.porter) window.porter = await connectSocketBridge(window.location);
  const { App } = await app;
  createRoot(document.getElementById('root')!).render(<App />);
}

void start();
