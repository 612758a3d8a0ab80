import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Electron is mocked once, for every test: the real module would try to fetch a binary.
    alias: { electron: resolve('tests/mocks/electron.ts') },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'tests/e2e-electron/**', 'node_modules/**'],
    pool: 'forks',
    // One throwaway PostgreSQL for the cloud store's tests, started in the background.
    globalSetup: ['tests/helpers/postgres-global-setup.ts'],
    // No test is judged by its speed on this small, noisy machine: the limit only stops a hang.
    testTimeout: 10 * 60_000,
    hookTimeout: 10 * 60_000,
  },
});
