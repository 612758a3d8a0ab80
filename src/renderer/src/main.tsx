import './api/zod-jitless';
import { askFirstAnswers } from './api/first-answers';
import { connectSocketBridge } from './api/socket-bridge';

/*
 * The entry is small on purpose: it dials the core and asks the first paint's answers while React
 * and the app (preloaded by index.html) download and compile, so neither waits for the other.
 */
async function start(): Promise<void> {
  const code = Promise.all([import('react-dom/client'), import('./app/App')]);
  // In Electron the preload has exposed window.porter; in the browser host we dial the core.
  if (!window.porter) window.porter = await connectSocketBridge(window.location);
  // Who is signed in and the grid's first rows are asked now, answered while the code loads.
  const first = askFirstAnswers(window.porter, window.location.hash);
  // The first render waits for the grid's first window too, so it draws the rows in one go
  // rather than the page, and the rows a render later. (A refusal is an answer: it is asked again.)
  const [[{ createRoot }, { App }]] = await Promise.all([code, first.session.answer, first.unitWindow?.answer]);
  createRoot(document.getElementById('root')!).render(<App first={first} />);
}

void start();
