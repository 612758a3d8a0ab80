import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBrowserHost } from '../src/main/host/browser-host';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'porter-hw-'));
void startBrowserHost({ port: 5301, rendererDir: path.resolve('out/renderer'), core: { dataDir, loadDemoWhenEmpty: true, hardware: 'simulated' } }).then((h) => console.log(h.url));
