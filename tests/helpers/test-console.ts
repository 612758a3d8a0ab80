import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../../src/main/core';
import type { Core, Operator } from '../../src/main/core-types';
import { openDatabase, type Db } from '../../src/main/store/database';

export interface TestConsole {
  core: Core;
  /** A second connection to the same SQLite file, for looking at what the core wrote. */
  db: Db;
  dataDir: string;
  /** Unexpected errors the core logged. */
  errors: unknown[];
  close(): void;
}

export function tempDir(prefix = 'porter-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A console on the demo community in its own temporary data folder. */
export function openTestConsole(operator?: Operator): TestConsole {
  const dataDir = tempDir();
  const errors: unknown[] = [];
  const core = createCore({ dataDir, loadDemoWhenEmpty: true, operator, logError: (_c, e) => errors.push(e) });
  const db = openDatabase({ dataDir });
  return {
    core,
    db,
    dataDir,
    errors,
    close() {
      db.close();
      core.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Row counts of everything a user action writes, to prove a refused action wrote nothing. */
export function writeCounts(db: Db): Record<string, unknown> {
  const count = (table: string): number => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return {
    credentials: count('credentials'),
    liveDoorCredentials: db.prepare('SELECT count(*) FROM door_credentials WHERE removed_at IS NULL').pluck().get(),
    revoked: db.prepare("SELECT count(*) FROM credentials WHERE status = 'revoked'").pluck().get(),
    guests: count('guests'),
    audit: count('audit_log'),
    outbox: count('outbox'),
    desiredVersions: db.prepare('SELECT sum(desired_version) FROM doors').pluck().get(),
  };
}

export const jane = { name: 'Jane Doe', phone: '(312) 555-0142' };

/** A unit of the demo community whose lock takes both PIN codes and Bluetooth passes. */
export const comboUnit = 'north-204';
/** A unit whose lock is Bluetooth-only. */
export const bluetoothOnlyUnit = 'south-204';
/** A unit whose lock is keypad-only. */
export const keypadOnlyUnit = 'north-1003';
