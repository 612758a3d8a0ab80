import { createRoot } from 'react-dom/client';
import { connectSocketBridge } from './api/socket-bridge';

async function start(): Promise<void> {
  // In Electron the preload has exposed window.porter; in the browser host we dial the core.
  if (!window.porter) window.porter = await connectSocketBridge(window.location);
  const { App } = await import('./app/App');
  createRoot(document.getElementById('root')!).render(<App />);
}

void start();
