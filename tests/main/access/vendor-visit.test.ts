import { afterEach, describe, expect, it } from 'vitest';
import type { BulkGrantResult } from '../../../src/shared/domain';
import { seedStoppedRun } from '../../helpers/seed-stopped-run';
import { applyCredentialWritten } from '../../../src/main/sync/apply/apply-credential';
import { getCommunity } from '../../../src/main/store/community-repo';
import { setTextStatus } from '../../../src/main/store/received-changes-repo';
import { avery, call, lastAudit, openTestConsole, type TestConsole } from '../../helpers/test-console';

let t: TestConsole;
afterEach(() => t?.close());

const vendor = { name: 'Brightway crew', phone: '312-555-0190', company: 'Brightway Cleaning' };
const at = new Date('2026-11-26T15:00:00Z');
const visitDay = { type: 'temporary', starts: '2026-11-27T08:00', ends: '2026-11-27T17:00' } as const;
const floor3 = { scope: 'floor', buildingId: 'north', floor: 3 } as const;

async function bulk(audience: 'vendor' | 'guest', schedule: object = visitDay, kind: 'pin' | 'ble' = 'pin', target: object = floor3): Promise<BulkGrantResult> {
  const r = await t.core.dispatch('access.bulkGrant', { target, kind, audience, guest: vendor, schedule });
  if (!r.ok) throw new Error(r.error.message);
  return r.value as BulkGrantResult;
}

const secretsOf = (ids: readonly string[]) =>
  t.db.prepare(`SELECT pin_code AS pin, ble_pass AS pass, visit_id AS visit FROM credentials WHERE id IN (${ids.map(() => '?').join(', ')})`).all(...ids) as {
    pin: string | null;
    pass: string | null;
    visit: string | null;
  }[];

/** Every code each door of these credentials is to hold, from the doors' desired state. */
const codesOnDoors = (ids: readonly string[]) =>
  t.db
    .prepare(
      `SELECT DISTINCT c.pin_code FROM door_credentials dc JOIN credentials c ON c.id = dc.credential_id
       WHERE dc.removed_at IS NULL AND c.id IN (${ids.map(() => '?').join(', ')})`,
    )
    .pluck()
    .all(...ids);

/** This test's own changes queued for the cloud (the demo's seeded grants are queued too). */
const outbox = (kind: string, credentialIds: readonly string[]) =>
  (t.db.prepare('SELECT payload_json FROM outbox WHERE kind = ? ORDER BY seq').pluck().all(kind) as string[])
    .map((p) => JSON.parse(p) as Record<string, unknown>)
    .filter((p) => credentialIds.includes(p.credentialId as string));

describe('a vendor visiting a whole floor', () => {
  it('gets one code for all 14 units, the same on every lock the visit touches, and the outcome says one code and one text', async () => {
    t = openTestConsole(undefined, { now: () => at });
    const result = await bulk('vendor');
    expect(result.granted).toHaveLength(14);
    expect(result.visit).toEqual({ kind: 'pin', guestName: vendor.name });
    const ids = result.granted.map((g) => g.credentialId);
    const secrets = secretsOf(ids);
    expect(new Set(secrets.map((s) => s.pin)).size).toBe(1);
    expect(secrets[0]!.pin).toMatch(/^\d+$/);
    expect(new Set(secrets.map((s) => s.visit)).size).toBe(1);
    expect(codesOnDoors(ids)).toEqual([secrets[0]!.pin]);
    // Each unit's grant still travels on its own (its doors and slots), each naming the visit, so the cloud texts once.
    const grants = outbox('credential.granted', ids);
    expect(grants).toHaveLength(14);
    for (const g of grants) expect(g.visit).toEqual({ id: secrets[0]!.visit, units: 14 });
    expect(lastAudit(t.db).summary).toContain('one visit: one PIN code and one text for all of them');
    // Staff see each unit's access as part of the visit.
    const panel = await call(t, 'units.get', { unitId: 'north-305' });
    expect(panel.credentials.find((c) => c.guest.name === vendor.name)?.visit).toEqual({ id: secrets[0]!.visit, units: 14 });
  });

  it('gets one Bluetooth pass for a visit granted as passes', async () => {
    t = openTestConsole(undefined, { now: () => at });
    const result = await bulk('vendor', { type: 'permanent' }, 'ble', { scope: 'units', unitIds: ['north-204', 'south-204'] });
    const secrets = secretsOf(result.granted.map((g) => g.credentialId));
    expect(secrets).toHaveLength(2);
    expect(secrets[0]!.pass).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(secrets[1]!.pass).toBe(secrets[0]!.pass);
  });

  it('ends as one: revoking any unit’s access ends the whole visit, audited once, sent to the cloud once', async () => {
    t = openTestConsole(undefined, { now: () => at });
    const result = await bulk('vendor');
    const ids = result.granted.map((g) => g.credentialId);
    const audited = t.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'access.revoked'").pluck();
    const revoked = await call(t, 'access.revoke', { credentialId: ids[5]!, reason: 'Crew finished early' });
    expect(revoked.status).toBe('revoked');
    expect(t.db.prepare(`SELECT count(*) FROM credentials WHERE end_reason = 'revoked' AND id IN (${ids.map(() => '?').join(', ')})`).pluck().get(...ids)).toBe(14);
    expect(codesOnDoors(ids)).toEqual([]);
    expect(audited.get()).toBe(1);
    expect(lastAudit(t.db).summary).toMatch(/^Revoked Brightway crew's visit \(PIN code for 14 units: North Tower 301, 302, .*314\) from \d+ doors: Crew finished early$/);
    const revokes = outbox('credential.revoked', ids);
    expect(revokes).toEqual([{ credentialId: ids[5], visitId: secretsOf(ids)[0]!.visit, reason: 'Crew finished early', at: at.toISOString() }]);
  });

  it('cut short by a crash and finished later, gives the units left the code its first units got', async () => {
    t = openTestConsole(undefined, {
      now: () => at,
      beforeOpen: (db) =>
        void seedStoppedRun(db, {
          buildingId: 'north',
          floor: 3,
          done: 4,
          grant: { kind: 'pin', audience: 'vendor', guest: { name: vendor.name, phone: '+13125550190', company: vendor.company }, schedule: { type: 'permanent' } },
          what: 'Vendor run',
          by: avery,
          at,
        }),
    });
    const finished = await call(t, 'access.finishBulkRun', { runId: 'bulk_seeded_stopped_run' });
    expect(finished.granted).toHaveLength(14);
    expect(finished.visit).toEqual({ kind: 'pin', guestName: vendor.name });
    const secrets = secretsOf(finished.granted.map((g) => g.credentialId));
    expect(new Set(secrets.map((s) => s.pin)).size).toBe(1);
    expect(new Set(secrets.map((s) => s.visit))).toEqual(new Set(['bulk_seeded_stopped_run']));
  });

  it('received from the cloud after its one text went out, a unit of the visit shows the text sent', async () => {
    t = openTestConsole(undefined, { now: () => at });
    const community = getCommunity(t.db);
    const ctx = { db: t.db, now: () => at, community: () => community };
    const visit = { id: 'bulk_elsewhere', units: 2 };
    const written = (credentialId: string, unitId: string) => ({
      credentialId, unitId, guest: { id: 'g1', name: vendor.name, phone: '+13125550190', company: vendor.company }, audience: 'vendor' as const, kind: 'pin' as const,
      schedule: { type: 'permanent' as const }, pinCode: '730419', doors: [{ doorId: `door-${unitId}`, slot: 30 }], at: at.toISOString(), visit,
    });
    const by = { name: 'Avery Brooks', role: 'admin' as const, originConsole: 'console_elsewhere' };
    applyCredentialWritten(ctx, written('cred_first', 'north-901'), by);
    setTextStatus(t.db, 'cred_first', 'sent', null);
    applyCredentialWritten(ctx, written('cred_second', 'north-902'), by);
    expect(t.db.prepare("SELECT id, notification FROM credentials WHERE visit_id = 'bulk_elsewhere' ORDER BY id").all()).toEqual([
      { id: 'cred_first', notification: 'sent' },
      { id: 'cred_second', notification: 'sent' },
    ]);
  });

  it('is not given new dates one unit at a time', async () => {
    t = openTestConsole(undefined, { now: () => at });
    const result = await bulk('vendor');
    const r = await t.core.dispatch('access.reschedule', { credentialId: result.granted[0]!.credentialId, schedule: { type: 'temporary', starts: '2026-11-28T08:00', ends: '2026-11-28T17:00' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_allowed', message: expect.stringContaining('part of a visit covering 14 units') } });
  });

  it('keeps a guest’s bulk grant and a vendor’s one-time delivery codes one per unit, as before', async () => {
    t = openTestConsole(undefined, { now: () => at });
    for (const result of [await bulk('guest'), await bulk('vendor', { type: 'delivery' }, 'pin', { scope: 'floor', buildingId: 'north', floor: 4 })]) {
      expect(result.visit).toBeUndefined();
      const secrets = secretsOf(result.granted.map((g) => g.credentialId));
      expect(secrets.every((s) => s.visit === null)).toBe(true);
      expect(new Set(secrets.map((s) => s.pin)).size).toBe(secrets.length);
    }
  });
});
