import { writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { HtmlTagDescriptor, Plugin } from 'vite';

/**
 * What main.tsx loads with `import()` (React's DOM renderer and src/renderer/src/app/App.tsx), the
 * chunks they import and their styles, named in index.html as module and style preloads: the
 * browser fetches them alongside the entry instead of after running it (issue 17's first rows).
 * main.tsx still imports them itself, once it has started dialling the core.
 */
function preloadFirstPaint(): Plugin {
  return {
    name: 'porter:preload-first-paint',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        if (!bundle) return [];
        const entry = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry);
        if (entry?.type !== 'chunk' || !entry.dynamicImports.some((file) => bundle[file]?.type === 'chunk' && bundle[file].facadeModuleId?.endsWith('/src/app/App.tsx')))
          throw new Error('The renderer has no app chunk to preload.');
        const scripts = new Set<string>();
        const styles = new Set<string>();
        const visit = (file: string): void => {
          const chunk = bundle[file];
          if (scripts.has(file) || chunk?.type !== 'chunk' || chunk.isEntry) return;
          scripts.add(file);
          chunk.viteMetadata?.importedCss.forEach((css) => styles.add(css));
          chunk.imports.forEach(visit);
        };
        entry.dynamicImports.forEach(visit);
        // What the entry imports statically Vite preloads itself.
        entry.imports.forEach((file) => scripts.delete(file));
        return [
          ...[...styles].map((href): HtmlTagDescriptor => ({ tag: 'link', attrs: { rel: 'preload', as: 'style', href: `./${href}` }, injectTo: 'head' })),
          ...[...scripts].map((href): HtmlTagDescriptor => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${href}` }, injectTo: 'head' })),
        ];
      },
    },
  };
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Writes each text file of the renderer's build beside it compressed (`x.js.br`, `x.js.gz`), at
 * the highest levels, for the browser host to send as they are (src/main/host/compressed-files.ts):
 * a first load after the host starts waits for no compression, and the bytes are the fewest.
 */
function precompress(): Plugin {
  return {
    name: 'porter:precompress',
    apply: 'build',
    async writeBundle({ dir }, bundle) {
      if (!dir) return;
      const texts = Object.values(bundle).filter((file) => ['.html', '.js', '.css'].includes(extname(file.fileName)));
      await Promise.all(
        texts.map(async (file) => {
          const raw = Buffer.from(file.type === 'chunk' ? file.code : file.source);
          const path = join(dir, file.fileName);
          await writeFile(`${path}.br`, await brotli(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
          await writeFile(`${path}.gz`, await gzip(raw, { level: 9 }));
        }),
      );
    },
  };
}

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
    plugins: [react(), preloadFirstPaint(), precompress()],
  },
});
