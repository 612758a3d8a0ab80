import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../src/main/core';
import { auditKeyAccount, readAuditKeyNow } from '../../../src/main/secrets/audit-key';
import { processSecrets } from '../../../src/main/secrets/memory-secret-store';
import { appendAudit, auditHead } from '../../../src/main/store/audit-log';
import { storeIdOf } from '../../../src/main/store/audit-seal';
import { verifyAuditChain } from '../../../src/main/store/audit-verify';
import { openDatabase, type Db } from '../../../src/main/store/database';
import { appendByHand, cutShort, editEntry, hashAt, lastSeq, removeEntry, rewriteChain } from '../../helpers/audit-tamper';
import { comboUnit, jane, memorySecrets, openTestConsole, tempDir, type TestConsole } from '../../helpers/test-console';

const consoles: TestConsole[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const c of consoles.splice(0)) await c.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const grant = { unitId: comboUnit, kind: 'pin', audience: 'guest', schedule: { type: 'permanent' }, guest: jane } as const;

/** A console on the demo community with a few grants and revokes on top of its history. */
async function busyConsole(): Promise<TestConsole> {
  const t = openTestConsole();
  consoles.push(t);
  for (let i = 0; i < 3; i++) {
    const granted = await t.core.dispatch('access.grant', { ...grant, guest: { ...jane, name: `Guest ${i}` } });
    if (!granted.ok) throw new Error(granted.error.message);
  }
  return t;
}

const keyOf = (db: Db): Buffer => readAuditKeyNow(processSecrets, storeIdOf(db))!.key;
const row = (db: Db, seq: number) => db.prepare('SELECT * FROM audit_log WHERE seq = ?').get(seq) as Record<string, string>;

describe('the audit chain is keyed', () => {
  it('each entry’s hash is an HMAC under the key in the secret store, from an audit.sealed entry on', async () => {
    const secrets = memorySecrets();
    const t = openTestConsole(undefined, { secrets });
    consoles.push(t);
    await t.core.dispatch('access.grant', grant);
    expect(row(t.db, 1)).toMatchObject({ action: 'audit.sealed', actor: 'Porter (automatic)' });
    const stored = JSON.parse(secrets.entries.get(auditKeyAccount(storeIdOf(t.db)))!) as { key: string; since: number };
    expect(stored.since).toBe(1);
    const last = row(t.db, lastSeq(t.db));
    const material = JSON.stringify([last.prev_hash, last.at, last.actor, last.action, last.subject_id, last.summary, last.details_json]);
    // Plain SHA-256 (what anyone with the file can compute) is not the entry's hash.
    expect(createHash('sha256').update(material).digest('hex')).not.toBe(last.hash);
    // The key is nowhere in the store.
    const dump = JSON.stringify(t.db.prepare('SELECT * FROM settings').all()) + JSON.stringify(t.db.prepare('SELECT details_json FROM audit_log').pluck().all());
    expect(dump).not.toContain(stored.key);
    expect(verifyAuditChain(t.db)).toMatchObject({ intact: true, sealedFrom: 1, findings: [] });
  });

  it('two data folders on one machine keep two keys, named after each store’s own id', () => {
    const secrets = memorySecrets();
    const training = openTestConsole(undefined, { secrets });
    const real = openTestConsole(undefined, { secrets });
    consoles.push(training, real);
    expect(storeIdOf(training.db)).not.toBe(storeIdOf(real.db));
    const accounts = [...secrets.entries.keys()].filter((a) => a.startsWith('audit-key:'));
    expect(accounts.sort()).toEqual([auditKeyAccount(storeIdOf(training.db)), auditKeyAccount(storeIdOf(real.db))].sort());
    expect(secrets.entries.get(accounts[0]!)).not.toBe(secrets.entries.get(accounts[1]!));
  });

  it('a log from before the key stays checkable as it was; the switch is an entry, and the key covers what came before', async () => {
    const dir = tempDir();
    dirs.push(dir);
    // An older Porter's log: plain SHA-256, no key anywhere.
    const old = openDatabase({ dataDir: dir });
    for (let i = 1; i <= 4; i++) appendAudit(old, { at: new Date().toISOString(), actor: 'Avery Brooks', action: 'staff.signed_in', subjectId: null, summary: `Signed in (${i})`, details: {} });
    old.close();
    const secrets = memorySecrets();
    await createCore({ dataDir: dir, loadDemoWhenEmpty: true, secrets }).close();
    const db = openDatabase({ dataDir: dir });
    expect(row(db, 5)).toMatchObject({ action: 'audit.sealed', summary: expect.stringContaining('the 4 entries before were made before the log was keyed') });
    expect(verifyAuditChain(db)).toMatchObject({ intact: true, sealedFrom: 5 });
    // An entry from before the key, edited, shows as edited.
    editEntry(db, 2);
    expect(verifyAuditChain(db).findings).toEqual([{ kind: 'edited', fromSeq: 2, toSeq: 2, source: 'chain', heldSeq: null }]);
    // Rewriting the old part as it was made (plain SHA-256) breaks the keyed entry that follows it.
    rewriteChain(db, null, 1);
    expect(verifyAuditChain(db).findings[0]).toMatchObject({ kind: 'rewritten', fromSeq: 5 });
    db.close();
  });

  it('a key the keychain lost: a new key, an entry saying so, and the earlier entries reported as not checkable', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const secrets = memorySecrets();
    await createCore({ dataDir: dir, loadDemoWhenEmpty: true, secrets }).close();
    const db = openDatabase({ dataDir: dir });
    const before = lastSeq(db);
    secrets.entries.delete(auditKeyAccount(storeIdOf(db)));
    await createCore({ dataDir: dir, secrets }).close();
    expect(row(db, before + 1)).toMatchObject({ action: 'audit.sealed', summary: expect.stringContaining('not in this computer’s keychain') });
    const result = verifyAuditChain(db);
    expect(result).toMatchObject({ intact: false, sealedFrom: before + 1 });
    expect(result.findings).toEqual([{ kind: 'unverifiable', fromSeq: 1, toSeq: before, source: 'chain', heldSeq: null }]);
    db.close();
  });

  it('leaves a pinCode out of an entry’s details, however deep', async () => {
    const t = await busyConsole();
    t.db.transaction(() => appendAudit(t.db, { at: new Date().toISOString(), actor: 'the cloud', action: 'sync.rejected', subjectId: null, summary: 'Refused', details: { fix: { kind: 'pin_reissued', pinCode: '73915046', doors: [{ doorId: 'd', pinCode: '73915046' }] } } }))();
    expect(row(t.db, lastSeq(t.db)).details_json).toBe(JSON.stringify({ fix: { kind: 'pin_reissued', doors: [{ doorId: 'd' }] } }));
  });
});

describe('verify reports each of the four tamperings', () => {
  it('an edited row', async () => {
    const t = await busyConsole();
    const target = lastSeq(t.db) - 2;
    editEntry(t.db, target);
    expect(verifyAuditChain(t.db)).toMatchObject({ intact: false, firstBrokenSeq: target, findings: [{ kind: 'edited', fromSeq: target, toSeq: target }] });
  });

  it('an entry removed from the middle', async () => {
    const t = await busyConsole();
    const target = lastSeq(t.db) - 2;
    removeEntry(t.db, target);
    expect(verifyAuditChain(t.db).findings).toEqual([{ kind: 'removed', fromSeq: target, toSeq: target, source: 'chain', heldSeq: null }]);
  });

  it('a log rewritten without the key: every hash recomputed as plain SHA-256, or under a guessed key', async () => {
    const t = await busyConsole();
    const last = lastSeq(t.db);
    rewriteChain(t.db, null, 1, { seq: 3, summary: 'Nothing happened here' });
    expect(verifyAuditChain(t.db).findings).toEqual([{ kind: 'rewritten', fromSeq: 1, toSeq: last, source: 'chain', heldSeq: null }]);
    rewriteChain(t.db, Buffer.alloc(32, 7), 1);
    expect(verifyAuditChain(t.db).findings).toEqual([{ kind: 'rewritten', fromSeq: 1, toSeq: last, source: 'chain', heldSeq: null }]);
  });

  it('a log rewritten with the key: only a head recorded outside it (the cloud, an export) tells', async () => {
    const t = await busyConsole();
    const head = auditHead(t.db)!;
    rewriteChain(t.db, keyOf(t.db), 3, { seq: 3, summary: 'Nothing happened here' });
    expect(hashAt(t.db, head.seq)).not.toBe(head.hash);
    expect(verifyAuditChain(t.db, [{ source: 'cloud', ...head }]).findings).toEqual([{ kind: 'rewritten', fromSeq: head.seq, toSeq: head.seq, source: 'cloud', heldSeq: head.seq }]);
    expect(verifyAuditChain(t.db, [{ source: 'export', ...head }]).findings).toEqual([{ kind: 'rewritten', fromSeq: head.seq, toSeq: head.seq, source: 'export', heldSeq: head.seq }]);
  });

  it('a log cut short: the newest entries deleted, caught by a head that is ahead of it', async () => {
    const t = await busyConsole();
    const head = auditHead(t.db)!;
    cutShort(t.db, 3);
    expect(verifyAuditChain(t.db)).toMatchObject({ intact: true }); // on its own, a shorter log is still a valid chain
    expect(verifyAuditChain(t.db, [{ source: 'cloud', ...head }])).toMatchObject({
      intact: false,
      firstBrokenSeq: null,
      findings: [{ kind: 'truncated', fromSeq: head.seq - 2, toSeq: head.seq, source: 'cloud', heldSeq: head.seq }],
    });
    expect(verifyAuditChain(t.db, [{ source: 'export', ...head }]).findings).toEqual([{ kind: 'truncated', fromSeq: head.seq - 2, toSeq: head.seq, source: 'export', heldSeq: head.seq }]);
  });

  it('a log cut back to before its key began is caught by the keychain alone', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const old = openDatabase({ dataDir: dir });
    for (let i = 1; i <= 3; i++) appendAudit(old, { at: new Date().toISOString(), actor: 'Avery Brooks', action: 'staff.signed_in', subjectId: null, summary: `Signed in (${i})`, details: {} });
    old.close();
    await createCore({ dataDir: dir, loadDemoWhenEmpty: true, secrets: memorySecrets() }).close();
    const db = openDatabase({ dataDir: dir });
    const sealedFrom = verifyAuditChain(db).sealedFrom!;
    cutShort(db, lastSeq(db) - 3);
    expect(verifyAuditChain(db).findings).toEqual([{ kind: 'truncated', fromSeq: 4, toSeq: sealedFrom, source: 'keychain', heldSeq: sealedFrom }]);
    db.close();
  });

  it('a log extended by hand: entries at the end without the seal', async () => {
    const t = await busyConsole();
    const head = auditHead(t.db)!;
    appendByHand(t.db, 2);
    expect(verifyAuditChain(t.db, [{ source: 'cloud', ...head }]).findings).toEqual([{ kind: 'extended', fromSeq: head.seq + 1, toSeq: head.seq + 2, source: 'chain', heldSeq: null }]);
  });
});
