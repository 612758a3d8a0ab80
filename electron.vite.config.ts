import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './src/shared/content-security-policy';

/**
 * Production builds carry the CSP in a <meta> tag: a page loaded from file:// gets no headers.
 * frame-ancestors is ignored in a <meta> tag (the hosts send it as a header), so it is left out.
 */
function contentSecurityPolicyMeta(): Plugin {
  const metaPolicy = contentSecurityPolicy
    .split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'porter-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: metaPolicy }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig({
  // Main: native addons and runtime libraries stay external (they are `dependencies`).
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          'core-worker': resolve('src/main/core-worker/worker-entry.ts'),
          'ble-host': resolve('src/main/devices/links/ble-host/ble-host-main.ts'),
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
    build: { rollupOptions: { input: { index: resolve('src/renderer/index.html') } } },
    plugins: [react(), contentSecurityPolicyMeta()],
  },
});
