// The house's import boundaries are enforced here (see docs/ARCHITECTURE.md). Each source
// file falls in exactly one zone, because flat config does not merge rule options.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const hardware = ['node-hid', 'usb', 'serialport', '@stoprocent/noble', '@stoprocent/bluetooth-hci-socket'];
const ban = (names, message) => names.map((name) => ({ name, message }));
const noHardware = ban(hardware, 'Hardware libraries live only in src/main/devices/links.');
const noElectron = ban(['electron'], 'The core runs in plain Node: electron only in src/main/electron-main.ts, src/main/electron and src/main/ipc.');
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
const cloudNoPg = ban(['pg'], 'In the cloud, PostgreSQL is reached through the CloudStore (src/cloud/store/postgres).');

const core = ['src/main/electron-main.ts', 'src/main/electron/**', 'src/main/ipc/**', 'src/main/devices/links/**', 'src/main/store/**', 'src/main/secrets/**'];

// The layers of src/main (eslint-plugin-boundaries; docs/ARCHITECTURE.md, "Import boundaries").
// Each layer names what it may import besides itself; nothing else is allowed. Folders are
// elements, single files get a category of the same name. A file in no layer is not checked.
const mainLayers = {
  // Devices, inside out: framing < session < commands < drivers < hardware service. Inner layers
  // reach a link only through its interface; the real links are chosen by the service.
  'link-interface': ['shared'],
  framing: ['link-interface', 'shared'],
  session: ['framing', 'link-interface', 'shared'],
  commands: ['session', 'framing', 'link-interface', 'shared'],
  drivers: ['commands', 'session', 'framing', 'link-interface', 'shared'],
  links: ['link-interface', 'shared'],
  hotplug: ['link-interface', 'shared'],
  // The house, bottom up: shared < secrets < store < access, community < sync, hardware, demo
  // < staff, activity (they ask the cloud through sync) < ipc < core < hosts.
  shared: [],
  resources: [],
  secrets: ['shared'],
  store: ['secrets', 'shared'],
  access: ['store', 'shared'],
  community: ['store', 'shared'],
  // Slot capacity weighs doors as grants cover them.
  capacity: ['access', 'store', 'shared'],
  sync: ['access', 'store', 'secrets', 'shared'],
  hardware: ['drivers', 'commands', 'session', 'framing', 'link-interface', 'links', 'hotplug', 'access', 'store', 'secrets', 'shared'],
  demo: ['access', 'store', 'resources', 'shared'],
  staff: ['sync', 'store', 'secrets', 'shared'],
  activity: ['sync', 'store', 'secrets', 'shared'],
  'core-interface': ['hardware', 'links', 'secrets', 'shared'],
  ipc: ['core-interface', 'staff', 'activity', 'sync', 'hardware', 'capacity', 'access', 'community', 'store', 'secrets', 'shared'],
  core: ['ipc', 'core-interface', 'links', 'drivers', 'staff', 'activity', 'sync', 'hardware', 'demo', 'capacity', 'access', 'community', 'store', 'secrets', 'shared'],
  hosts: ['core', 'core-interface', 'ipc', 'links', 'secrets', 'shared'],
};
const layerFolders = [
  ['framing', ['src/main/devices/framing', 'src/main/devices/ble/protocol']],
  ['session', ['src/main/devices/session', 'src/main/devices/ble/session']],
  ['commands', ['src/main/devices/keyprog']],
  ['drivers', ['src/main/devices/drivers']],
  ['links', ['src/main/devices/links']],
  ['hardware', ['src/main/hardware']],
  ['shared', ['src/shared']],
  ...['secrets', 'store', 'access', 'community', 'capacity', 'sync', 'demo', 'staff', 'activity', 'ipc'].map((layer) => [layer, [`src/main/${layer}`]]),
  ['hosts', ['src/main/electron', 'src/main/host', 'src/main/core-worker']],
];
const layerFiles = [
  ['link-interface', ['src/main/devices/link.ts', 'src/main/devices/ble/gatt.ts']],
  ['hotplug', ['src/main/devices/hotplug.ts']],
  ['resources', ['src/main/resources-path.ts']],
  ['core-interface', ['src/main/core-types.ts']],
  ['core', ['src/main/core.ts']],
  ['hosts', ['src/main/electron-main.ts', 'src/main/data-dir.ts', 'src/main/renderer-paths.ts']],
];
const inLayers = (layers) => [{ element: { types: { anyOf: layers } } }, { file: { categories: { anyOf: layers } } }];
const layersBlock = {
  files: ['src/main/**/*.ts', 'src/shared/**/*.ts'],
  plugins: { boundaries },
  settings: {
    'import/resolver': { node: { extensions: ['.ts', '.tsx'] } },
    'boundaries/elements': layerFolders.map(([type, pattern]) => ({ type, pattern, partialMatch: false })),
    'boundaries/files': layerFiles.map(([category, pattern]) => ({ category, pattern })),
  },
  rules: {
    'boundaries/dependencies': ['error', {
      default: 'disallow',
      policies: Object.entries(mainLayers).map(([layer, below]) => ({ from: inLayers([layer]), allow: { to: inLayers([layer, ...below]) } })),
    }],
  },
};

// SQL belongs to the store: every statement behind a repository function, typed by its row.
// Tests and the bench may inspect stores with SQL, so only src/** is held to it.
const sqlMessage = 'SQL lives in the store: call (or add) a repository function in src/main/store; in the cloud, in src/cloud/store/sqlite or src/cloud/store/postgres.';
const onDb = (methods) => [
  { selector: `CallExpression[callee.property.name=/^(${methods})$/][callee.object.name=/^(db|database)$/]`, message: sqlMessage },
  { selector: `CallExpression[callee.property.name=/^(${methods})$/][callee.object.property.name=/^(db|database)$/]`, message: sqlMessage },
];
// no-restricted-syntax holds two bans, in one rule because flat config does not merge a rule's
// options: SQL outside the stores, and a dynamic import() of the simulators (an import
// declaration is refused by the zones) anywhere but the one door to training.
const sqlBan = [{ selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='prepare']", message: sqlMessage }, ...onDb('exec|pragma')];
const simulatorImportBan = { selector: 'ImportExpression[source.value=/simulators\\//]', message: 'Only src/main/training/load-training-hardware.ts loads the simulators, and only in training mode.' };
const trainingDoor = 'src/main/training/load-training-hardware.ts';
const sqlOnlyInStore = [
  { files: ['src/**/*.{ts,tsx}'], ignores: ['src/main/store/**', 'src/cloud/store/sqlite/**', 'src/cloud/store/postgres/**', trainingDoor], rules: { 'no-restricted-syntax': ['error', ...sqlBan, simulatorImportBan] } },
  { files: [trainingDoor], rules: { 'no-restricted-syntax': ['error', ...sqlBan] } },
];

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
  zone(['src/main/electron-main.ts', 'src/main/electron/**'], [...noRawIpc, ...noHardware, ...noSqlite, ...noKeytar]),
  zone(['src/main/ipc/**'], [...noHardware, ...noSqlite, ...noKeytar]),
  zone(['src/main/devices/links/**'], [...noElectron, ...noSqlite, ...noKeytar]),
  zone(['src/main/store/**'], [...noElectron, ...noHardware, ...noKeytar]),
  zone(['src/main/secrets/**'], [...noElectron, ...noHardware, ...noSqlite]),
  zone(['src/main/**'], [...noElectron, ...noHardware, ...noSqlite, ...noKeytar], [], core),
  zone(['src/cloud/**'], [...noElectron, ...noHardware, ...cloudNoSqlite, ...cloudNoPg, ...noKeytar], cloudOnly, ['src/cloud/store/sqlite/**', 'src/cloud/store/postgres/**']),
  zone(['src/cloud/store/sqlite/**'], [...noElectron, ...noHardware, ...cloudNoPg, ...noKeytar], cloudOnly),
  zone(['src/cloud/store/postgres/**'], [...noElectron, ...noHardware, ...cloudNoSqlite, ...noKeytar], cloudOnly),
  layersBlock,
  // The simulators speak the real bytes under the product's own stack: no Electron, no store driver, no keychain.
  zone(['simulators/**'], [...noElectron, ...noHardware, ...noSqlite, ...noKeytar]),
  ...sqlOnlyInStore,
  // @zwave-js/serial's CommonJS root loses the Serial API messages when zwave-js loads first
  // (simulators/zwave/inclusion-desk.ts says how): values come from its serialapi subpath.
  // A rule of another name than the zones' so flat config does not replace theirs.
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [{ name: '@zwave-js/serial', allowTypeImports: true, message: "Import Serial API values from '@zwave-js/serial/serialapi': the package root loses them when zwave-js loads first." }],
      }],
    },
  },
);
