// The house's import boundaries are enforced here (see docs/ARCHITECTURE.md). Each source
// file falls in exactly one zone, because flat config does not merge rule options.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const hardware = ['node-hid', 'usb', 'serialport', '@stoprocent/noble', '@stoprocent/bluetooth-hci-socket'];
const ban = (names, message) => names.map((name) => ({ name, message }));
const noHardware = ban(hardware, 'Hardware libraries live only in src/main/devices/links.');
const noElectron = ban(['electron'], 'The core runs in plain Node: electron only in src/main/index.ts, src/main/electron and src/main/ipc.');
const noRawIpc = [{ name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: 'Raw IPC only in src/main/ipc and src/preload.' }];
const noSqlite = ban(['better-sqlite3'], 'SQLite is reached through src/main/store.');
const noKeytar = ban(['keytar'], 'Secrets go through the SecretStore in src/main/secrets.');
const nodeOnly = [{ group: ['node:*'], message: 'No Node modules here.' }];

// Simulators are not part of the product: only tests, the bench and training mode reach them,
// training through one dynamic import (src/main/training/load-training-hardware.ts).
const noSimulators = [{ group: ['**/simulators/**'], message: 'Simulators live apart from the product: only tests, the bench and training mode (src/main/training/load-training-hardware.ts) reach them.' }];

const zone = (files, paths, patterns = [], ignores = []) => ({
  files,
  ignores,
  rules: { 'no-restricted-imports': ['error', { paths, patterns: [...patterns, ...noSimulators] }] },
});

// The reference cloud service: plain Node on src/shared and its own files; SQL only behind CloudStore.
const cloudOnly = [{ group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'The cloud imports only src/shared and its own files.' }];
const cloudNoSqlite = ban(['better-sqlite3'], 'In the cloud, SQLite is reached through the CloudStore (src/cloud/store/sqlite).');

const core = ['src/main/index.ts', 'src/main/electron/**', 'src/main/ipc/**', 'src/main/devices/links/**', 'src/main/store/**', 'src/main/secrets/**'];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.native/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  zone(['src/renderer/**'], [...noElectron, ...noHardware, ...noSqlite, ...noKeytar], [...nodeOnly, { group: ['**/main/**', '**/preload/index'], message: 'The renderer talks to the core only through window.porter.' }]),
  zone(['src/shared/**'], [...noElectron, ...noHardware, ...noSqlite, ...noKeytar], [...nodeOnly, { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'Shared code depends on nothing but pure libraries.' }]),
  zone(['src/preload/**'], [...noHardware, ...noSqlite, ...noKeytar], nodeOnly),
  zone(['src/main/index.ts', 'src/main/electron/**'], [...noRawIpc, ...noHardware, ...noSqlite, ...noKeytar]),
  zone(['src/main/ipc/**'], [...noHardware, ...noSqlite, ...noKeytar]),
  zone(['src/main/devices/links/**'], [...noElectron, ...noSqlite, ...noKeytar]),
  zone(['src/main/store/**'], [...noElectron, ...noHardware, ...noKeytar]),
  zone(['src/main/secrets/**'], [...noElectron, ...noHardware, ...noSqlite]),
  zone(['src/main/**'], [...noElectron, ...noHardware, ...noSqlite, ...noKeytar], [], core),
  zone(['src/cloud/**'], [...noElectron, ...noHardware, ...cloudNoSqlite, ...noKeytar], cloudOnly, ['src/cloud/store/sqlite/**']),
  zone(['src/cloud/store/sqlite/**'], [...noElectron, ...noHardware, ...noKeytar], cloudOnly),
  // The simulators speak the real bytes under the product's own stack: no Electron, no store driver, no keychain.
  zone(['simulators/**'], [...noElectron, ...noHardware, ...noSqlite, ...noKeytar]),
  {
    // A dynamic import is not an import declaration: the same ban, but for import(), with the one door to training.
    files: ['src/**'],
    ignores: ['src/main/training/load-training-hardware.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: 'ImportExpression[source.value=/simulators\\//]', message: 'Only src/main/training/load-training-hardware.ts loads the simulators, and only in training mode.' }],
    },
  },
);
