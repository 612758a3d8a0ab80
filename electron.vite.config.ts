import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  // Main: native addons and runtime libraries stay external (they are `dependencies`). One entry
  // per process tier, each named for the process it runs in: the Electron main process, the
  // core's worker thread, the BLE host (a utility process, or a Node child).
  main: {
    build: {
      rollupOptions: {
        input: {
          'electron-main': resolve('src/main/electron-main.ts'),
          'core-worker': resolve('src/main/core-worker/worker-entry.ts'),
          'ble-host': resolve('src/main/devices/links/ble-host/ble-host-entry.ts'),
        },
      },
    },
  },
  // Preload: a sandboxed window can only load one CommonJS file, so bundle everything in.
  preload: {
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    // Minified: the browser host serves this over the network, and every kB is parse time before
    // the first rows paint (issue 17's first-rows target). Main and preload stay readable.
    build: { minify: true, rollupOptions: { input: { index: resolve('src/renderer/index.html') } } },
    // No CSP <meta>: every host sends the policy as a header (Electron's porter:// handler, the browser host).
    plugins: [react()],
  },
});
