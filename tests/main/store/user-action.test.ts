import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../src/main/store/audit-verify';
import { queueMutation } from '../../../src/main/store/outbox';
import { runUserAction } from '../../../src/main/store/user-action';
import { auditCount, comboUnit, jane, openTestConsole, writeCounts, type TestConsole } from '../../helpers/test-console';

let t: TestConsole;
afterEach(() => t?.close());

const grant = { unitId: comboUnit, kind: 'pin', schedule: { type: 'permanent' }, guest: jane } as const;

describe('a user action', () => {
  it('writes its change, its audit entry and its outbox entry together', async () => {
    t = openTestConsole();
    const before = writeCounts(t.db);
    const audited = auditCount(t.db);
    const result = await t.core.dispatch('access.grant', grant);
    expect(result.ok).toBe(true);
    const after = writeCounts(t.db);
    expect(after.credentials).toBe((before.credentials as number) + 1);
    expect(auditCount(t.db)).toBe(audited + 1);
    expect(after.outbox).toBe((before.outbox as number) + 1);
    // The outbox row says who did it and carries the audit line, for the cloud and the other consoles.
    const row = t.db.prepare('SELECT actor_json, audit_json FROM outbox ORDER BY seq DESC LIMIT 1').get() as { actor_json: string; audit_json: string };
    expect(JSON.parse(row.actor_json)).toEqual({ kind: 'staff', staffId: 'avery', name: 'Avery Brooks' });
    expect(JSON.parse(row.audit_json)).toMatchObject({ action: 'access.granted', summary: expect.stringContaining('Jane') });
  });

  it('never queues a mutation the cloud could not read: the action fails and writes nothing', () => {
    t = openTestConsole();
    const before = writeCounts(t.db);
    const audited = auditCount(t.db);
    const avery = { id: 'avery', name: 'Avery Brooks', role: 'admin' } as const;
    const at = new Date().toISOString();
    // Typed by its kind, so only a payload that escaped the types gets this far.
    const escaped = JSON.parse('{ "doorId": "door-a", "version": 3, "checksum": "not a checksum", "at": "' + at + '" }') as { doorId: string; version: number; checksum: number; at: string };
    expect(() =>
      runUserAction(t.db, () => ({
        result: undefined,
        record: { audit: { at, actor: avery.name, action: 'door.programmed', subjectId: 'door-a', summary: 'Programmed door A', details: {} }, mutation: { kind: 'door.programmed', payload: escaped, actor: avery } },
      })),
    ).toThrow(/checksum/);
    expect(() => queueMutation(t.db, 'door.programmed', escaped, { kind: 'system', name: 'Porter (automatic)' }, { at, action: 'x', summary: 'x' })).toThrow();
    // Porter reports facts only: a door programmed is someone's doing.
    expect(() => queueMutation(t.db, 'door.events_read', { doorId: 'door-a', after: 0, records: [] }, { kind: 'system', name: 'Porter (automatic)' }, { at, action: 'x', summary: 'x' })).toThrow(/on its own/);
    expect(writeCounts(t.db)).toEqual(before);
    expect(auditCount(t.db)).toBe(audited);
  });

  it('never queues a change too large for the cloud to take: the action fails, saying its size, and writes nothing', () => {
    t = openTestConsole();
    const before = writeCounts(t.db);
    const audited = auditCount(t.db);
    const jordan = { id: 'jordan', name: 'Jordan Lee', role: 'leasing' } as const;
    const at = new Date().toISOString();
    // A vendor request over ten thousand units with long names: every field within its limit, the whole over 1 MiB.
    const unitIds = Array.from({ length: 10_000 }, (_, n) => `unit-${String(n).padStart(5, '0')}`);
    const request = {
      approvalId: 'approval_heavy',
      requestId: 'request_heavy',
      scope: 'units',
      grant: { target: { scope: 'units', unitIds }, kind: 'pin', audience: 'vendor', guest: { name: 'Dana Whitfield', phone: '(312) 555-0188', company: 'Brightway' }, schedule: { type: 'permanent' } },
      what: 'Permanent PIN code for Dana Whitfield of Brightway',
      unitLabels: unitIds.map((id) => `The Residences at Riverside Commons, East Garden Pavilion, Building of the Northern Courtyard beside the Community Gardens, ${id}`),
      scheduleText: 'Permanent',
      phone: '(312) 555-0188',
      reason: 'Annual inspection of every unit',
      requestedById: jordan.id,
      requestedAt: at,
      expiresAt: at,
    } as const;
    expect(() =>
      runUserAction(t.db, () => ({
        result: undefined,
        record: { audit: { at, actor: jordan.name, action: 'access.approval_requested', subjectId: null, summary: 'Asked', details: {} }, mutation: { kind: 'approval.requested', payload: request, actor: jordan } },
      })),
    ).toThrow(/^This change is too large to reach the cloud \(1,\d{3} KB, at most 1,020 KB\): make it for fewer units at a time, a building or a floor\.$/);
    expect(writeCounts(t.db)).toEqual(before);
    expect(auditCount(t.db)).toBe(audited);
  });

  it('leaves no half-written change, audit entry or outbox entry when its last write fails', async () => {
    t = openTestConsole();
    // The outbox insert is the last write of an action: make it fail.
    t.db.exec("CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const before = writeCounts(t.db);
    const audited = auditCount(t.db);
    const result = await t.core.dispatch('access.grant', grant);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(writeCounts(t.db)).toEqual(before);
    expect(auditCount(t.db)).toBe(audited);
  });

  it('leaves nothing behind when the audit append fails', async () => {
    t = openTestConsole();
    const granted = await t.core.dispatch('access.grant', grant);
    if (!granted.ok) throw new Error(granted.error.message);
    t.db.exec("CREATE TRIGGER fail_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const before = writeCounts(t.db);
    const audited = auditCount(t.db);
    const revoked = await t.core.dispatch('access.revoke', { credentialId: (granted.value as { id: string }).id });
    expect(revoked.ok).toBe(false);
    expect(writeCounts(t.db)).toEqual(before);
    expect(auditCount(t.db)).toBe(audited);
  });
});

describe('the audit log', () => {
  it('refuses updates and deletes', () => {
    t = openTestConsole();
    expect(() => t.db.prepare("UPDATE audit_log SET actor = 'someone else'").run()).toThrow(/append-only/);
    expect(() => t.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  it('notices an entry altered behind its back', async () => {
    t = openTestConsole();
    await t.core.dispatch('access.grant', grant);
    expect(verifyAuditChain(t.db).intact).toBe(true);
    t.db.exec('DROP TRIGGER audit_log_no_update');
    t.db.prepare("UPDATE audit_log SET summary = 'nothing happened' WHERE seq = 2").run();
    expect(verifyAuditChain(t.db)).toMatchObject({ intact: false, firstBrokenSeq: 2 });
    expect(await t.core.dispatch('activity.verify', {})).toMatchObject({ ok: true, value: { intact: false, firstBrokenSeq: 2 } });
  });
});
