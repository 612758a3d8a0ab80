import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../src/main/core';
import type { BulkGrantResult, Credential } from '../../../src/shared/domain';
import type { Envelope } from '../../../src/shared/envelope';
import { avery, comboUnit, jane, openTestConsole, permanent, writeCounts, type TestConsole } from '../../helpers/test-console';

/*
 * A grant form sends one request id per submission: a double click, a second Enter, or a
 * retry after the answer was lost grants once, texts once, and answers the first outcome.
 */
let t: TestConsole;
afterEach(() => t?.close());

const at = new Date('2026-11-26T15:00:00Z');
const grants = (db: TestConsole['db']) => db.prepare("SELECT count(*) FROM audit_log WHERE action = 'access.granted'").pluck().get() as number;

function value<T>(answer: Envelope<unknown>): T {
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as T;
}

describe('one grant per submission', () => {
  it('a double click grants once and texts once: both answers are the same credential', async () => {
    t = openTestConsole(avery, { now: () => at });
    const requestId = randomUUID();
    const request = { requestId, unitId: comboUnit, kind: 'pin', schedule: permanent, guest: jane };
    const before = writeCounts(t.db);
    const [first, second] = await Promise.all([t.core.dispatch('access.grant', request), t.core.dispatch('access.grant', request)]);
    expect(value<Credential>(second).id).toBe(value<Credential>(first).id);
    expect(writeCounts(t.db)).toMatchObject({ credentials: (before.credentials as number) + 1, outbox: (before.outbox as number) + 1 });
    expect(t.db.prepare('SELECT count(*) FROM credentials WHERE guest_id IN (SELECT id FROM guests WHERE name = ?)').pluck().get('Jane Doe')).toBe(1);

    // Without an id (an older caller), each call is its own grant.
    const { requestId: _, ...plain } = request;
    await t.core.dispatch('access.grant', plain);
    expect(writeCounts(t.db).credentials).toBe((before.credentials as number) + 2);
  });

  it('a retry after the console restarted answers the grant the first try made', async () => {
    t = openTestConsole(avery, { now: () => at });
    const request = { requestId: randomUUID(), unitId: comboUnit, kind: 'pin', schedule: permanent, guest: jane };
    const first = value<Credential>(await t.core.dispatch('access.grant', request));
    await t.core.close();
    const restarted = createCore({ dataDir: t.dataDir, operator: avery, now: () => at, hardware: 'off', syncIntervalMs: 3_600_000 });
    try {
      const before = grants(t.db);
      expect(value<Credential>(await restarted.dispatch('access.grant', request))).toMatchObject({ id: first.id, guest: { name: 'Jane Doe' } });
      expect(grants(t.db)).toBe(before);
    } finally {
      await restarted.close();
    }
  });

  it('refuses an id another staff member used, showing them nothing of it and writing nothing', async () => {
    t = openTestConsole(avery, { now: () => at });
    const request = { requestId: randomUUID(), unitId: comboUnit, kind: 'pin', schedule: permanent, guest: jane };
    value(await t.core.dispatch('access.grant', request));
    const jordan = t.core.connect('core');
    value(await jordan.dispatch('staff.signIn', { staffId: 'jordan', passcode: '2468' }));
    const before = writeCounts(t.db);
    const answer = await jordan.dispatch('access.grant', request);
    expect(answer).toEqual({ ok: false, error: { code: 'conflict', field: 'requestId', message: 'This form was already sent for something else. Close it and start again.' } });
    expect(writeCounts(t.db)).toMatchObject({ credentials: before.credentials, outbox: before.outbox });
  });

  it('a bulk grant sent twice grants each unit once and answers the same outcome', async () => {
    t = openTestConsole(avery, { now: () => at });
    const request = {
      requestId: randomUUID(),
      target: { scope: 'floor', buildingId: 'north', floor: 3 },
      kind: 'pin',
      audience: 'vendor',
      guest: { name: 'Brightway crew', phone: '312-555-0190', company: 'Brightway Cleaning' },
      schedule: { type: 'temporary', starts: '2026-11-27T08:00', ends: '2026-11-27T17:00' },
    };
    const before = grants(t.db);
    const first = value<BulkGrantResult>(await t.core.dispatch('access.bulkGrant', request));
    const second = value<BulkGrantResult>(await t.core.dispatch('access.bulkGrant', request));
    expect(first.granted).toHaveLength(14);
    expect(second).toEqual(first);
    expect(grants(t.db)).toBe(before + 14);
    expect(t.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'access.bulk_granted'").pluck().get()).toBe(1);
  });
});
