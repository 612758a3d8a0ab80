import fs from 'node:fs';
import type { BleHostEntry } from '../../src/main/devices/links/ble-host/remote-central';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../../src/main/core';
import { sealAuditLogNow } from '../../src/main/activity/seal-audit-log';
import { loadDemoCommunity } from '../../src/main/demo/load-demo-community';
import { processSecrets } from '../../src/main/secrets/memory-secret-store';
import type { Core } from '../../src/main/core-types';
import type { HardwareProvider } from '../../src/main/hardware/hardware-provider';
import { memorySecretStore, type ImmediateSecretStore } from '../../src/main/secrets/memory-secret-store';
import type { SecretStore } from '../../src/main/secrets/secret-store';
import type { CommandInput, CommandName, CommandOutput } from '../../src/shared/contract';
import type { StaffMember } from '../../src/shared/domain';
import { openDatabase, type Db } from '../../src/main/store/database';

export interface TestConsole {
  core: Core;
  /** A second connection to the same SQLite file, for looking at what the core wrote. */
  db: Db;
  dataDir: string;
  /** Unexpected errors the core logged. */
  errors: unknown[];
  /** Closes the core (in order, awaited), the looking connection, and removes the folder. */
  close(): Promise<void>;
}

export function tempDir(prefix = 'porter-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** The demo community's admin, signed in unless a test says otherwise. */
export const avery: StaffMember = { id: 'avery', name: 'Avery Brooks', role: 'admin' };

/** A console on the demo community in its own temporary data folder. */
export function openTestConsole(
  operator: StaffMember | null = avery,
  options: { now?: () => Date; beforeOpen?: (db: Db) => void; hardware?: HardwareProvider | 'off' | 'real'; secrets?: SecretStore; syncFetch?: typeof fetch; syncLongPollSeconds?: number; bleHost?: BleHostEntry } = {},
): TestConsole {
  const dataDir = tempDir();
  if (options.beforeOpen) {
    // Load the demo, change the store as the test needs, then open the console on it.
    const db = demoStore(dataDir, options.now);
    options.beforeOpen(db);
    db.close();
  }
  const errors: unknown[] = [];
  const core = createCore({ dataDir, loadDemoWhenEmpty: true, operator: operator ?? undefined, now: options.now, hardware: options.hardware, bleHost: options.bleHost, secrets: options.secrets, syncFetch: options.syncFetch, syncIntervalMs: 3_600_000, syncLongPollSeconds: options.syncLongPollSeconds ?? 0, logError: (_c, e) => errors.push(e) });
  const db = openDatabase({ dataDir });
  let closing: Promise<void> | null = null;
  return {
    core,
    db,
    dataDir,
    errors,
    close() {
      // Once: a test may close its console itself and again in afterEach.
      closing ??= (async () => {
        if (db.open) db.close();
        await core.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      })();
      return closing;
    },
  };
}

/** A store holding the demo community, sealed as a core seals it, for a test to change before a core opens it. */
export function demoStore(dataDir: string, now: () => Date = () => new Date()): Db {
  const db = openDatabase({ dataDir });
  sealAuditLogNow(db, processSecrets, now);
  loadDemoCommunity(db, now);
  return db;
}

/**
 * Row counts of every state a user action changes, to prove a refused action changed
 * nothing. The audit log is counted apart: a refusal is itself audited.
 */
export function writeCounts(db: Db): Record<string, unknown> {
  const count = (table: string): number => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return {
    credentials: count('credentials'),
    liveDoorCredentials: db.prepare('SELECT count(*) FROM door_credentials WHERE removed_at IS NULL').pluck().get(),
    ended: db.prepare('SELECT count(*) FROM credentials WHERE ended_at IS NOT NULL').pluck().get(),
    guests: count('guests'),
    outbox: count('outbox'),
    desiredVersions: db.prepare('SELECT sum(desired_version) FROM doors').pluck().get(),
  };
}

export function auditCount(db: Db): number {
  return db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
}

/** The newest audit entry: its action and summary. */
export function lastAudit(db: Db): { action: string; summary: string; actor: string } {
  return db.prepare('SELECT action, summary, actor FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { action: string; summary: string; actor: string };
}

export const jane = { name: 'Jane Doe', phone: '(312) 555-0142' };
export const permanent = { type: 'permanent' } as const;

/** A unit of the demo community whose lock takes both PIN codes and Bluetooth passes. */
export const comboUnit = 'north-204';
/** A unit whose lock is Bluetooth-only. */
export const bluetoothOnlyUnit = 'south-204';
/** A unit whose lock is keypad-only. */
export const keypadOnlyUnit = 'north-1003';

/**
 * The OS keychain stands in for nothing here: a map, for tests that are not about keytar.
 * It answers at once, so createCore can keep the audit key in it too.
 */
export function memorySecrets(): ImmediateSecretStore {
  return memorySecretStore();
}

/** The demo community's passcodes (resources/demo/community.json), which the test cloud is seeded with too. */
export const demoPasscodes: Record<string, string> = { avery: '1357', jordan: '2468', sam: '3579', 'lobby-kiosk': '4680' };

/**
 * Signs a staff member in on the core's own connection, as the sign-in screen does; on a
 * paired console the cloud checks the passcode and gives the key their changes are proven with.
 */
export async function signIn(c: TestConsole, staffId = 'avery', passcode = demoPasscodes[staffId] ?? '0000'): Promise<void> {
  const answer = await c.core.dispatch('staff.signIn', { staffId, passcode });
  if (!answer.ok) throw new Error(`staff.signIn: ${answer.error.message}`);
}

/** Runs a command on the core's own connection; a refusal fails the test with its message. */
export async function call<C extends CommandName>(c: TestConsole, command: C, input: CommandInput<C>): Promise<CommandOutput<C>> {
  const answer = await c.core.dispatch(command, input);
  if (!answer.ok) throw new Error(`${command}: ${answer.error.message}`);
  return answer.value as CommandOutput<C>;
}

/** A console's link to the cloud, cut while `link.online` is false (as a dropped network fails a fetch). */
export function linkedFetch(link: { online: boolean }): typeof fetch {
  return (input, init) => (link.online ? fetch(input, init) : Promise.reject(new TypeError('fetch failed: network is down')));
}
