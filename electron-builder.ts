/**
 * How a Porter release is packaged (`npm run dist`, on a machine with network access: see the
 * README's "Building a release"). tests/main/electron/packaging.test.ts reads this file with
 * electron-builder's own loader and checks the targets, the fuses, what is unpacked and what
 * is shipped.
 */
import type { Configuration } from 'electron-builder';

/**
 * Packages with a compiled addon: electron-builder rebuilds them for Electron's ABI before
 * packing, and they are unpacked beside app.asar, since the OS can only load a .node file from
 * a real file. The test finds every native package among the dependencies and fails when one
 * is missing here.
 */
export const nativeModules = [
  'better-sqlite3',
  'keytar',
  'node-hid',
  'usb',
  '@stoprocent/noble',
  '@stoprocent/bluetooth-hci-socket',
  '@serialport/bindings-cpp',
];

const config: Configuration = {
  appId: 'app.porter.console',
  productName: 'Porter',
  copyright: 'Porter',
  directories: { output: 'dist', buildResources: 'resources/installer' },
  // What the app runs: the built bundles and the demo community, nothing else of the repository
  // (no sources, tests, fixtures, benches, scripts or the .native/ build used from source).
  // electron-builder adds the production dependencies itself; the '!' patterns below trim them.
  files: [
    'out/main/**',
    'out/preload/**',
    'out/renderer/**',
    'resources/demo/**',
    'package.json',
    '!**/*.map',
    // The browser host's compressed copies: Electron loads the renderer from the files themselves.
    '!out/renderer/**/*.{br,gz}',
    '!**/node_modules/**/{test,tests,__tests__,spec,example,examples,docs,.github}/**',
    '!**/node_modules/**/*.{md,markdown,ts,tsx,c,cc,cpp,h,hpp,gyp,gypi}',
    // SQLite's C sources, compiled into the addon already.
    '!**/node_modules/better-sqlite3/deps/**',
  ],
  // The udev rules a Linux office installs by hand (README, Door hardware); files, not code.
  extraResources: [{ from: 'resources/udev', to: 'udev' }],
  asar: true,
  asarUnpack: nativeModules.map((name) => `node_modules/${name}/**`),
  // The packaged app loads node_modules rebuilt for Electron, never .native/ (a from-source aid).
  npmRebuild: true,
  // Flipped in the Electron binary after packing and before signing, so a signature covers them.
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    onlyLoadAppFromAsar: true,
    enableEmbeddedAsarIntegrityValidation: true,
    enableCookieEncryption: true,
    // The page comes from porter://app; file:// gets no more than a browser gives it.
    grantFileProtocolExtraPrivileges: false,
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    executableName: 'porter',
    maintainer: 'Porter maintainers <maintainers@porter.invalid>',
    synopsis: "The leasing office's door-access console",
  },
  // keytar needs the Secret Service library; node-hid and usb need libusb.
  deb: { depends: ['libsecret-1-0', 'libusb-1.0-0', 'libgtk-3-0', 'libnss3', 'libxss1', 'libxtst6', 'libnotify4', 'xdg-utils', 'libatspi2.0-0', 'libuuid1'] },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, perMachine: true, allowToChangeInstallationDirectory: true },
  mac: { target: ['dmg'], category: 'public.app-category.business', hardenedRuntime: true },
  // Signing and publishing are the release owner's (README): nothing is uploaded from here.
  publish: null,
};

export default config;
