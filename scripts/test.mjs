// `npm test`: every check and every test, then one line "N passed, N failed[, N skipped]".
// Typecheck, lint and build count as one check each; vitest and Playwright report through
// their JSON files. Exits non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const onLinux = process.platform === 'linux';

// keytar needs an unlocked Secret Service on Linux. Without a session bus (CI, a headless
// box), run everything inside a private D-Bus session with a throwaway unlocked keyring.
if (onLinux && !process.env.DBUS_SESSION_BUS_ADDRESS && !process.env.PORTER_TEST_SESSION && has('dbus-run-session')) {
  const keyringHome = fs.mkdtempSync(path.join(os.tmpdir(), 'porter-keyring-'));
  const inner = 'eval "$(printf porter | gnome-keyring-daemon --unlock --components=secrets)" >/dev/null; exec node scripts/test.mjs';
  const run = spawnSync('dbus-run-session', ['--', 'bash', '-c', inner], {
    stdio: 'inherit',
    env: { ...process.env, PORTER_TEST_SESSION: '1', XDG_DATA_HOME: keyringHome },
  });
  fs.rmSync(keyringHome, { recursive: true, force: true });
  process.exit(run.status ?? 1);
}

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function step(name, command, args) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const run = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return run.status === 0;
}

fs.mkdirSync('test-results', { recursive: true });
for (const f of ['vitest.json', 'playwright.json']) fs.rmSync(path.join('test-results', f), { force: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const check = (name, ok) => {
  totals[ok ? 'passed' : 'failed']++;
  if (!ok) failures.push(name);
};

check('typecheck', step('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.node.json']) &&
  step('typecheck (renderer)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.web.json']));
check('lint', step('lint', 'npx', ['eslint', '--max-warnings', '0', '.']));
const built = step('build', 'npx', ['electron-vite', 'build']);
check('build', built);

const vitestExited = step('unit and integration tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/vitest.json']);
const vitest = readJson('test-results/vitest.json');
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests + (vitest.success || vitest.numFailedTests ? 0 : 1);
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
  if (!vitest.success) failures.push('vitest');
  // Every test passed, yet vitest failed: an unhandled error (a rejection no test awaited).
  else check('vitest (unhandled errors)', vitestExited);
} else check('vitest (no report)', false);

if (built) {
  step('end-to-end tests', 'npx', ['playwright', 'test']);
  const pw = readJson('test-results/playwright.json');
  if (pw) {
    totals.passed += pw.stats.expected + pw.stats.flaky;
    totals.failed += pw.stats.unexpected + (pw.errors?.length ?? 0);
    totals.skipped += pw.stats.skipped;
    if (pw.stats.unexpected || pw.errors?.length) failures.push('playwright');
  } else check('playwright (no report)', false);
} else check('end-to-end tests (not run: the build failed)', false);

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

console.log(`\n${failures.length ? `Failed: ${failures.join(', ')}` : 'All checks and tests passed.'}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || failures.length > 0 ? 1 : 0);
