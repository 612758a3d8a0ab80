/**
 * Electron composition root: everything that matters is the core (plain Node); this file
 * only hands createCore to the shell in ./electron/start.ts.
 */
import { createCore } from './core';
import { runPorter } from './electron/start';

runPorter({ createCore });
