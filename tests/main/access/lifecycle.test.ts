import { afterEach, describe, expect, it } from 'vitest';
import { expireEndedCredentials } from '../../../src/main/access/expire-credentials';
import { recordDoorUse } from '../../../src/main/access/record-door-use';
import { getCommunity } from '../../../src/main/store/community-repo';
import type { Credential } from '../../../src/shared/domain';
import { comboUnit, jane, lastAudit, openTestConsole, type TestConsole } from '../../helpers/test-console';

let t: TestConsole;
afterEach(() => t?.close());

/** A console whose clock the test moves. Starts Thursday 2026-11-26, 09:00 in Chicago. */
function consoleWithClock() {
  const clock = { now: new Date('2026-11-26T15:00:00Z') };
  t = openTestConsole(undefined, { now: () => clock.now });
  const community = getCommunity(t.db);
  const sweep = () => expireEndedCredentials({ db: t.db, now: () => clock.now, community: () => community });
  return { clock, sweep };
}

async function grant(schedule: object, kind = 'pin'): Promise<Credential> {
  const r = await t.core.dispatch('access.grant', { unitId: comboUnit, kind, guest: jane, schedule });
  if (!r.ok) throw new Error(r.error.message);
  return r.value as Credential;
}

async function statusOf(id: string): Promise<string> {
  const r = await t.core.dispatch('units.get', { unitId: comboUnit });
  return (r as { value: { credentials: Credential[] } }).value.credentials.find((c) => c.id === id)!.status;
}

const liveDoors = (id: string) =>
  t.db.prepare('SELECT count(*) FROM door_credentials WHERE credential_id = ? AND removed_at IS NULL').pluck().get(id);

describe('a credential’s lifecycle', () => {
  it('a temporary grant is scheduled, then active, then expired, and leaves its doors on its own', async () => {
    const { clock, sweep } = consoleWithClock();
    const c = await grant({ type: 'temporary', starts: '2026-11-27T09:00', ends: '2026-11-28T18:00' });
    expect(c.status).toBe('scheduled');
    expect(liveDoors(c.id)).toBe(6); // scheduled credentials are programmed ahead: the lock holds the schedule
    clock.now = new Date('2026-11-27T16:00:00Z');
    expect(await statusOf(c.id)).toBe('active');
    clock.now = new Date('2026-11-29T01:00:00Z'); // 19:00 on the 28th in Chicago
    expect(await statusOf(c.id)).toBe('expired');
    expect(sweep()).toBe(1);
    expect(liveDoors(c.id)).toBe(0);
    expect(lastAudit(t.db)).toMatchObject({ action: 'access.expired', actor: 'Porter (automatic)' });
    expect(sweep()).toBe(0);
  });

  it('a delivery code lasts the community’s window (2 hours) from now', async () => {
    const { clock, sweep } = consoleWithClock();
    const c = await grant({ type: 'delivery' });
    expect(c.schedule).toEqual({ type: 'delivery', starts: '2026-11-26T09:00', ends: '2026-11-26T11:00' });
    expect(c.status).toBe('active');
    // Deliveries open the common doors only here: perimeter, entrance, package room; not the unit, not amenities.
    expect(c.doors.map((d) => d.kind).sort()).toEqual(['entrance', 'package_room', 'perimeter', 'perimeter']);
    clock.now = new Date('2026-11-26T17:00:01Z');
    expect(sweep()).toBe(1);
    expect(await statusOf(c.id)).toBe('expired');
  });

  it('a recurring grant between its dates is active even outside its daily window', async () => {
    consoleWithClock();
    const c = await grant({ type: 'recurring', days: ['mon', 'wed', 'fri'], from: '11:00', until: '13:00' });
    expect(c.status).toBe('active');
    expect(c.doors[0]!.kind).toBe('unit');
  });

  it('new dates reissue the credential: the old one leaves its doors, both are on the record', async () => {
    consoleWithClock();
    const old = await grant({ type: 'temporary', starts: '2026-11-27T09:00', ends: '2026-11-28T18:00' });
    const oldPin = t.db.prepare('SELECT pin_code FROM credentials WHERE id = ?').pluck().get(old.id);
    const r = await t.core.dispatch('access.reschedule', { credentialId: old.id, schedule: { type: 'temporary', starts: '2026-11-27T09:00', ends: '2026-12-01T18:00' } });
    if (!r.ok) throw new Error(r.error.message);
    const fresh = r.value as Credential;
    expect(fresh).toMatchObject({ reissuedFrom: old.id, status: 'scheduled', schedule: { ends: '2026-12-01T18:00' } });
    expect(liveDoors(old.id)).toBe(0);
    expect(liveDoors(fresh.id)).toBe(6);
    expect(t.db.prepare('SELECT pin_code FROM credentials WHERE id = ?').pluck().get(fresh.id)).not.toBe(oldPin);
    const unit = (await t.core.dispatch('units.get', { unitId: comboUnit })) as { value: { credentials: Credential[] } };
    expect(unit.value.credentials.find((c) => c.id === old.id)).toMatchObject({ status: 'revoked', reissuedAs: fresh.id });
    const actions = t.db.prepare('SELECT action FROM audit_log ORDER BY seq DESC LIMIT 2').pluck().all();
    expect(actions).toEqual(['access.rescheduled', 'access.revoked']);
    expect(await t.core.dispatch('access.reschedule', { credentialId: old.id, schedule: { type: 'permanent' } })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('the Access list’s opening filter, active or scheduled, leaves out what was revoked or has ended', async () => {
    consoleWithClock();
    const old = await grant({ type: 'temporary', starts: '2026-11-27T09:00', ends: '2026-11-28T18:00' });
    const r = await t.core.dispatch('access.reschedule', { credentialId: old.id, schedule: { type: 'temporary', starts: '2026-11-27T09:00', ends: '2026-12-01T18:00' } });
    if (!r.ok) throw new Error(r.error.message);
    const fresh = r.value as Credential;
    const listed = async (status?: 'current') => {
      const page = await t.core.dispatch('credentials.list', { unitId: comboUnit, ...(status ? { status } : {}) });
      if (!page.ok) throw new Error(page.error.message);
      return (page.value as { credentials: Credential[] }).credentials.map((c) => c.id);
    };
    expect(await listed('current')).toContain(fresh.id);
    expect(await listed('current')).not.toContain(old.id);
    expect(await listed()).toEqual(expect.arrayContaining([fresh.id, old.id]));
  });

  it('resending queues another text and says so in the audit log', async () => {
    consoleWithClock();
    const c = await grant({ type: 'permanent' });
    const outbox = () => t.db.prepare("SELECT count(*) FROM outbox WHERE kind = 'credential.text_requested'").pluck().get();
    expect(outbox()).toBe(0);
    const r = await t.core.dispatch('access.resend', { credentialId: c.id });
    expect(r).toMatchObject({ ok: true, value: { notification: { status: 'queued', requests: 2 } } });
    expect(outbox()).toBe(1);
    expect(lastAudit(t.db)).toMatchObject({ action: 'access.resent', summary: expect.stringContaining('Texted Jane Doe again') });
  });
});

describe('a delivery code', () => {
  it('is used up by its first use at a door, and leaves every door', async () => {
    consoleWithClock();
    const c = await grant({ type: 'delivery' });
    const community = getCommunity(t.db);
    const ctx = { db: t.db, now: () => new Date('2026-11-26T15:20:00Z'), community: () => community };
    expect(recordDoorUse(ctx, { credentialId: c.id, doorId: 'package-room', doorName: 'Package room', at: '2026-11-26T15:19:00.000Z' })).toBe(true);
    expect(await statusOf(c.id)).toBe('used');
    expect(liveDoors(c.id)).toBe(0);
    expect(lastAudit(t.db)).toMatchObject({ action: 'access.used', actor: 'Package room' });
    // The cloud is told the door by id: it checks the code opens it and names it itself.
    const queued = t.db.prepare("SELECT payload_json FROM outbox WHERE kind = 'credential.used'").pluck().get() as string;
    expect(JSON.parse(queued)).toEqual({ credentialId: c.id, at: '2026-11-26T15:19:00.000Z', doorId: 'package-room' });
  });

  it('a permanent credential stays live however often it is used', async () => {
    consoleWithClock();
    const c = await grant({ type: 'permanent' });
    const community = getCommunity(t.db);
    const ctx = { db: t.db, now: () => new Date('2026-11-26T15:20:00Z'), community: () => community };
    expect(recordDoorUse(ctx, { credentialId: c.id, doorId: 'garage-gate', doorName: 'Garage gate', at: '2026-11-26T15:19:00.000Z' })).toBe(false);
    expect(await statusOf(c.id)).toBe('active');
  });
});
