import './api/zod-jitless';
import { createRoot } from 'react-dom/client';
import { askFirstAnswers } from './api/first-answers';
import { connectSocketBridge } from './api/socket-bridge';

async function start(): Promise<void> {
  // The app's code loads while the browser host's socket opens: neither waits for the other.
  const app = import('./app/App');
  // In Electron the preload has exposed window.porter; in the browser host we dial the core.
  if (!window.porter) window.porter = await connectSocketBridge(window.location);
  // Who is signed in and the grid's first rows are asked now, answered while the code loads.
  const first = askFirstAnswers(window.porter, window.location.hash);
  const [{ App }] = await Promise.all([app, first.session.answer]);
  createRoot(document.getElementById('root')!).render(<App first={first} />);
}

void start();
