import { afterEach, describe, expect, it } from 'vitest';
import type { BulkGrantResult, Schedule } from '../../../src/shared/domain';
import { seedStoppedRun } from '../../helpers/seed-stopped-run';
import { lastAudit, openTestConsole, writeCounts, type TestConsole } from '../../helpers/test-console';

let t: TestConsole;
afterEach(() => t?.close());

const vendor = { name: 'Brightway crew', phone: '312-555-0190', company: 'Brightway Cleaning' };
const at = new Date('2026-11-26T15:00:00Z');

async function bulk(target: object, schedule: object, kind = 'pin'): Promise<BulkGrantResult> {
  const r = await t.core.dispatch('access.bulkGrant', { target, kind, audience: 'vendor', guest: vendor, schedule });
  if (!r.ok) throw new Error(r.error.message);
  return r.value as BulkGrantResult;
}

describe('bulk grants', () => {
  it('grants a vendor every unit of a floor, each audited, with one summary entry', async () => {
    t = openTestConsole(undefined, { now: () => at });
    const audited = t.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'access.granted'").pluck();
    const before = audited.get() as number;
    const result = await bulk({ scope: 'floor', buildingId: 'north', floor: 3 }, { type: 'temporary', starts: '2026-11-27T08:00', ends: '2026-11-27T17:00' });
    expect(result.granted).toHaveLength(14);
    expect(result.refused).toEqual([]);
    expect(result.granted[0]!.unitLabel).toBe('North Tower 301');
    expect(audited.get()).toBe(before + 14);
    expect(lastAudit(t.db)).toMatchObject({ action: 'access.bulk_granted', summary: expect.stringContaining('14 of 14 units granted') });
  });

  it('lists the units whose lock refuses, with the reason, and grants the rest', async () => {
    t = openTestConsole(undefined, { now: () => at });
    // Garden Court floor 1: every fourth unit has a KB-500 (Bluetooth too); the rest are keypad-only.
    const result = await bulk({ scope: 'floor', buildingId: 'garden', floor: 1 }, { type: 'permanent' }, 'ble');
    expect(result.granted.map((g) => g.unitLabel)).toEqual(['Garden Court 101', 'Garden Court 105', 'Garden Court 109', 'Garden Court 113']);
    expect(result.refused).toHaveLength(12);
    expect(result.refused[0]).toMatchObject({ unitLabel: 'Garden Court 102', code: 'not_allowed', reason: expect.stringContaining('cannot hold Bluetooth passes') });
  });

  it('refuses the whole job, writing nothing, when the guidelines refuse it', async () => {
    t = openTestConsole({ id: 'jordan', name: 'Jordan Lee', role: 'leasing' }, { now: () => at });
    const r = await t.core.dispatch('access.bulkGrant', { target: { scope: 'building', buildingId: 'garden' }, kind: 'pin', audience: 'vendor', guest: vendor, schedule: { type: 'permanent' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'audience' } });
    expect(t.db.prepare('SELECT count(*) FROM credentials WHERE guest_id IN (SELECT id FROM guests WHERE name = ?)').pluck().get(vendor.name)).toBe(0);
  });

  it('refuses a selection naming units that do not exist', async () => {
    t = openTestConsole(undefined, { now: () => at });
    const r = await t.core.dispatch('access.bulkGrant', { target: { scope: 'units', unitIds: ['north-301', 'nowhere-1'] }, kind: 'pin', audience: 'vendor', guest: vendor, schedule: { type: 'permanent' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found', field: 'target' } });
  });
});

describe('finishing a bulk grant cut short', () => {
  const grant = { kind: 'pin', audience: 'vendor', guest: { name: 'Brightway crew', phone: '+13125550190', company: 'Brightway Cleaning' } } as const;
  const seed = (schedule: Schedule) => (db: Parameters<typeof seedStoppedRun>[0]) =>
    void seedStoppedRun(db, { buildingId: 'north', floor: 3, done: 4, grant: { ...grant, schedule }, what: 'Vendor run', by: { id: 'avery', name: 'Avery Brooks', role: 'admin' }, at });

  it('refuses a leasing agent a vendor run the guidelines give admins, and keeps it for an admin', async () => {
    t = openTestConsole({ id: 'jordan', name: 'Jordan Lee', role: 'leasing' }, { now: () => at, beforeOpen: seed({ type: 'permanent' }) });
    const before = writeCounts(t.db);
    expect(await t.core.dispatch('access.finishBulkRun', { runId: 'bulk_seeded_stopped_run' })).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'audience' } });
    expect(writeCounts(t.db)).toEqual(before);
    expect(await t.core.dispatch('access.stoppedBulkRuns', {})).toMatchObject({ ok: true, value: [{ id: 'bulk_seeded_stopped_run', done: 4, total: 14 }] });
  });

  it('a schedule now over: the units left are refused with the reason, and the run is finished', async () => {
    const ended: Schedule = { type: 'temporary', starts: '2026-11-20T08:00', ends: '2026-11-21T17:00' };
    t = openTestConsole(undefined, { now: () => at, beforeOpen: seed(ended) });
    const r = await t.core.dispatch('access.finishBulkRun', { runId: 'bulk_seeded_stopped_run' });
    expect(r).toMatchObject({ ok: true });
    const outcome = (r as { value: BulkGrantResult }).value;
    expect(outcome.granted).toHaveLength(4);
    expect(outcome.refused).toHaveLength(10);
    expect(outcome.refused[0]).toMatchObject({ unitLabel: 'North Tower 305', code: 'invalid_input', reason: 'This access would already be over; choose a later end.' });
    expect(await t.core.dispatch('access.stoppedBulkRuns', {})).toEqual({ ok: true, value: [] });
  });
});
