import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, openCore } from '../../../src/main/core';
import { auditKeyAccount } from '../../../src/main/secrets/audit-key';
import { createKeychainSecretStore } from '../../../src/main/secrets/keychain-secret-store';
import { storeIdOf } from '../../../src/main/store/audit-seal';
import { verifyAuditChain } from '../../../src/main/store/audit-verify';
import { openDatabase } from '../../../src/main/store/database';
import { tempDir } from '../../helpers/test-console';

// Runs against the real OS keychain (a Secret Service session that `npm test` unlocks).
const keychain = createKeychainSecretStore(`Porter tests ${randomUUID()}`);
const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const undo of cleanup.splice(0)) await undo();
});

describe('the audit key in the OS keychain', () => {
  it('openCore makes it in the keychain, named after the store, never in the store, and finds it again at the next start', async () => {
    const dir = tempDir();
    cleanup.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    (await openCore({ dataDir: dir, loadDemoWhenEmpty: true, secrets: keychain })).close();
    const db = openDatabase({ dataDir: dir });
    const account = auditKeyAccount(storeIdOf(db));
    cleanup.push(() => keychain.delete(account));
    const secret = JSON.parse((await keychain.get(account))!) as { key: string; since: number };
    expect(secret).toMatchObject({ v: 1, since: 1 });
    const files = fs.readdirSync(dir).filter((f) => f.startsWith('porter.sqlite'));
    const file = files.map((f) => fs.readFileSync(`${dir}/${f}`).toString('latin1')).join('');
    expect(file).not.toContain(secret.key);

    (await openCore({ dataDir: dir, secrets: keychain })).close();
    // The same key: no second audit.sealed entry, and the whole log checks.
    expect(db.prepare("SELECT count(*) FROM audit_log WHERE action = 'audit.sealed'").pluck().get()).toBe(1);
    expect(verifyAuditChain(db)).toMatchObject({ intact: true, sealedFrom: 1 });
    db.close();
  });

  it('createCore cannot wait for the keychain and says to use openCore', () => {
    const dir = tempDir();
    cleanup.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    expect(() => createCore({ dataDir: dir, loadDemoWhenEmpty: true, secrets: 'keychain' })).toThrow(/openCore/);
    expect(() => createCore({ dataDir: dir, loadDemoWhenEmpty: true, secrets: keychain })).toThrow(/openCore/);
  });
});
