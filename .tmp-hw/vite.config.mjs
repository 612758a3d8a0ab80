import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
export default defineConfig({
  root: resolve('src/renderer'),
  base: './',
  plugins: [react()],
  build: { outDir: '/tmp/porter-hw-renderer', emptyOutDir: true },
});
