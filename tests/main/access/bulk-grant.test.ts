import { afterEach, describe, expect, it } from 'vitest';
import type { BulkGrantResult, Schedule } from '../../../src/shared/domain';
import { seedStoppedRun } from '../../helpers/seed-stopped-run';
import { lastAudit, openTestConsole, writeCounts, type TestConsole } from '../../helpers/test-console';

let t: TestConsole;
afterEach(() => t?.close());

const vendor = { name: 'Brightway crew', phone: '312-555-0190', company: 'Brightway Cleaning' };
const at = new Date('2026-11-26T15:00:00Z');

async function bulk(target: object, schedule: object, kind = 'pin', unitsThatCannotHold?: 'leave_out' | 'refuse'): Promise<BulkGrantResult> {
  const r = await t.core.dispatch('access.bulkGrant', { target, kind, audience: 'vendor', guest: vendor, schedule, ...(unitsThatCannotHold ? { unitsThatCannotHold } : {}) });
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

  it('refuses up front, naming them, units whose lock cannot hold it; writes nothing', async () => {
    t = openTestConsole(undefined, { now: () => at });
    const before = writeCounts(t.db);
    // Garden Court floor 1: every fourth unit has a KB-500 (Bluetooth too); the rest are keypad-only.
    const r = await t.core.dispatch('access.bulkGrant', { target: { scope: 'floor', buildingId: 'garden', floor: 1 }, kind: 'ble', audience: 'vendor', guest: vendor, schedule: { type: 'permanent' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_allowed', field: 'target', message: expect.stringMatching(/^12 of the 16 units cannot hold this credential\. Garden Court 102 has a ZW-300 Z-Wave Deadbolt lock, which cannot hold Bluetooth passes\./) } });
    expect(r.ok ? '' : r.error.message).toContain('And 7 more. Leave them out, or change the type or dates.');
    expect(writeCounts(t.db)).toEqual(before);
  });

  it('leaves out, when asked, the units whose lock cannot hold it, lists them apart, and grants the rest', async () => {
    t = openTestConsole(undefined, { now: () => at });
    const result = await bulk({ scope: 'floor', buildingId: 'garden', floor: 1 }, { type: 'permanent' }, 'ble', 'leave_out');
    expect(result.granted.map((g) => g.unitLabel)).toEqual(['Garden Court 101', 'Garden Court 105', 'Garden Court 109', 'Garden Court 113']);
    expect(result.refused).toEqual([]);
    expect(result.leftOut).toHaveLength(12);
    expect(result.leftOut[0]).toEqual({ unitId: 'garden-102', unitLabel: 'Garden Court 102', reason: 'Garden Court 102 has a ZW-300 Z-Wave Deadbolt lock, which cannot hold Bluetooth passes.' });
    expect(lastAudit(t.db)).toMatchObject({ action: 'access.bulk_granted', summary: expect.stringContaining('4 of 16 units granted, 0 refused, 12 left out') });
  });

  it('refuses even when asked to leave units out if none of them can hold it', async () => {
    t = openTestConsole(undefined, { now: () => at });
    const r = await t.core.dispatch('access.bulkGrant', { target: { scope: 'units', unitIds: ['garden-102', 'garden-103'] }, kind: 'ble', audience: 'vendor', guest: vendor, schedule: { type: 'permanent' }, unitsThatCannotHold: 'leave_out' });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_allowed', message: expect.stringContaining('None of the 2 units can hold this credential.') } });
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
