import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../src/main/store/audit-verify';
import { saveSyncSetup } from '../../../src/main/store/sync-state-repo';
import { endsAhead, type ReadChange } from '../../../src/main/sync/apply/ends-ahead';
import { ChangeBody } from '../../../src/shared/sync';
import { startTestCloud, type TestCloud } from '../../cloud/helpers/test-cloud';
import { pairedEarlier } from '../../helpers/cloud-pairing';
import { call, memorySecrets, openTestConsole, signIn, type TestConsole } from '../../helpers/test-console';

/*
 * A grant that a later change of the same pulled batch ends is written already ended
 * (src/main/sync/apply/ends-ahead.ts): what the batch leaves must be what applying its changes
 * one at a time leaves, and only a plain grant-then-end pair may be shortened so.
 */

const at = '2026-03-02T15:00:00.000Z';
const actor = { id: 'jordan', name: 'Jordan Lee', role: 'leasing' } as const;
const envelope = (cursor: number, kind: string, payload: Record<string, unknown>) => ({
  cursor, kind, payload, origin: 'console_elsewhere', mutationId: null, at, appliedAt: at, actor, audit: { action: 'access.granted', summary: `${kind} ${cursor}` },
});
const granted = (cursor: number, n: number, unit = 'north-204', extra: Record<string, unknown> = {}) =>
  envelope(cursor, extra.replaces ? 'credential.reissued' : 'credential.granted', {
    credentialId: `cred_ahead_${n}`,
    unitId: unit,
    guest: { id: `guest_elsewhere_${n}`, name: `Ahead Guest ${n}`, phone: `+1312555${String(7100 + n)}`, company: null },
    audience: 'guest',
    kind: 'ble',
    schedule: { type: 'permanent' },
    pinCode: null,
    doors: [{ doorId: `door-${unit}`, slot: 60 + n }],
    at,
    ...extra,
  });
const ended = (cursor: number, n: number, kind = 'credential.revoked') =>
  envelope(cursor, kind, { credentialId: `cred_ahead_${n}`, at, ...(kind === 'credential.used' ? { doorId: 'door-north-1204' } : {}) });
const textStatus = (cursor: number, n: number) => envelope(cursor, 'credential.text_status', { credentialId: `cred_ahead_${n}`, status: 'sent', error: null, reason: 'granted', at });

const read = (changes: ReturnType<typeof envelope>[]): ReadChange[] =>
  changes.map((c) => {
    const parsed = ChangeBody.safeParse({ kind: c.kind, payload: c.payload });
    return { body: parsed.success ? parsed.data : null, by: c.actor.name };
  });

describe('which grants a batch ends', () => {
  it('a grant ended later in the batch, with only its text status between', () => {
    expect([...endsAhead(read([granted(1, 1), granted(2, 2), textStatus(3, 1), ended(4, 1), ended(5, 2, 'credential.expired')]))]).toEqual([
      [0, { reason: 'revoked', by: 'Jordan Lee' }],
      [1, { reason: 'expired', by: 'Jordan Lee' }],
    ]);
  });

  it('not one reissued, granted again or changed before its end, nor one ended before the batch', () => {
    const pinChanged = envelope(2, 'credential.pin_changed', { credentialId: 'cred_ahead_1', pinCode: null, at });
    expect(endsAhead(read([granted(1, 1), pinChanged, ended(3, 1)])).size).toBe(0);
    expect(endsAhead(read([granted(1, 1), granted(2, 2, 'north-204', { replaces: 'cred_ahead_1' }), ended(3, 1)])).size).toBe(0);
    // Granted twice: the second grant is the one the end follows (the first writes it live).
    expect([...endsAhead(read([granted(1, 1), granted(2, 1), ended(3, 1)])).keys()]).toEqual([1]);
    expect(endsAhead(read([ended(1, 1), granted(2, 2)])).size).toBe(0);
  });

  it('a change that does not parse is skipped, and changes nothing of the plan', () => {
    const unreadable = envelope(2, 'credential.revoked', { credentialId: 'cred_ahead_1' });
    expect([...endsAhead(read([granted(1, 1), unreadable, ended(3, 1)])).keys()]).toEqual([0]);
    expect(endsAhead(read([granted(1, 1), unreadable])).size).toBe(0);
  });
});

let cloud: TestCloud;
const consoles: TestConsole[] = [];
afterEach(async () => {
  for (const c of consoles.splice(0)) await c.close();
  await cloud?.close();
});

/** A console whose pulls are answered from `changes`, up to `reachable` of them (past those the cloud answers 503). */
async function consoleOn(changes: ReturnType<typeof envelope>[], reachable: { count: number }): Promise<TestConsole> {
  const secrets = memorySecrets();
  const forged: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    if (url.pathname !== '/v1/changes') return fetch(input, init);
    const after = Number(url.searchParams.get('after'));
    if (after >= reachable.count && after < changes.length) return new Response(JSON.stringify({ error: { code: 'unavailable', message: 'Down for a moment.' } }), { status: 503, headers: { 'content-type': 'application/json' } });
    const page = changes.slice(after, reachable.count);
    return new Response(JSON.stringify({ changes: page, next: after + page.length, more: after + page.length < changes.length }), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const desk = openTestConsole(null, { secrets, syncFetch: forged });
  consoles.push(desk);
  const paired = await pairedEarlier(cloud, secrets, `Desk ${consoles.length}`);
  saveSyncSetup(desk.db, { url: cloud.url, consoleId: paired.consoleId, consoleName: `Desk ${consoles.length}`, kiosk: false });
  await signIn(desk, 'avery');
  return desk;
}

/** What a batch leaves, without the times it was applied at. */
function left(desk: TestConsole) {
  return {
    credentials: desk.db.prepare("SELECT id, ended_at IS NULL AS live, end_reason, ended_by FROM credentials WHERE id LIKE 'cred_ahead_%' ORDER BY id").all(),
    doorRows: desk.db.prepare("SELECT door_id, credential_id, slot, removed_at IS NULL AS live FROM door_credentials WHERE credential_id LIKE 'cred_ahead_%' ORDER BY 1, 2").all(),
    // Whether each door waits to be programmed, and since when: a batch marks a door once, however many of its changes touch it.
    doors: desk.db.prepare("SELECT id, desired_version > coalesce(reported_version, 0) AS pending, desired_changed_at IS NOT NULL AS since FROM doors WHERE id IN ('door-north-204', 'door-north-1204') ORDER BY id").all(),
    units: desk.db.prepare("SELECT id, live_credentials FROM units WHERE id IN ('north-204', 'north-1204') ORDER BY id").all(),
    audit: desk.db.prepare("SELECT summary FROM audit_log WHERE action = 'sync.received' ORDER BY seq").pluck().all(),
  };
}

/** The same changes pulled by one console in one batch, and by another one change a round. */
async function appliedBothWays(changes: ReturnType<typeof envelope>[]): Promise<{ together: TestConsole; oneByOne: TestConsole }> {
  const together = await consoleOn(changes, { count: changes.length });
  expect(await call(together, 'sync.now', {})).toMatchObject({ state: 'online' });
  // The other console reaches one more change at each round: a batch of one change each.
  const reachable = { count: 0 };
  const oneByOne = await consoleOn(changes, reachable);
  for (let n = 1; n <= changes.length; n++) {
    reachable.count = n;
    await call(oneByOne, 'sync.now', {});
  }
  return { together, oneByOne };
}

describe('a batch that grants and ends', () => {
  it('leaves what applying its changes one at a time leaves: doors, slots, counts and audit lines', async () => {
    cloud = await startTestCloud();
    const changes = [granted(1, 1), granted(2, 2), textStatus(3, 1), ended(4, 1), granted(5, 3, 'north-1204'), ended(6, 3, 'credential.used'), ended(7, 2)];
    const { together, oneByOne } = await appliedBothWays(changes);
    expect(left(together)).toEqual(left(oneByOne));
    expect(left(together).credentials).toEqual([
      { id: 'cred_ahead_1', live: 0, end_reason: 'revoked', ended_by: 'Jordan Lee' },
      { id: 'cred_ahead_2', live: 0, end_reason: 'revoked', ended_by: 'Jordan Lee' },
      { id: 'cred_ahead_3', live: 0, end_reason: 'used', ended_by: 'Jordan Lee' },
    ]);
    expect(left(together).doors).toEqual(['door-north-1204', 'door-north-204'].map((id) => ({ id, pending: 1, since: 1 })));
    expect(left(together).audit).toHaveLength(changes.length);
    // The batch's lines, appended together, chain as lines appended one at a time do.
    for (const desk of [together, oneByOne]) expect(verifyAuditChain(desk.db)).toMatchObject({ intact: true, findings: [] });
  });

  it('a vendor visit revoked in the batch that granted it ends every unit of it, as one at a time does', async () => {
    cloud = await startTestCloud();
    const visit = { id: 'visit_ahead', units: 3 };
    const guest = { id: 'guest_visit_ahead', name: 'Visit Vendor', phone: '+13125557190', company: 'Brightway' };
    const units = ['north-204', 'north-1204', 'north-204'];
    const changes = [4, 5, 6].map((n, i) => granted(i + 1, n, units[i], { visit, guest, audience: 'vendor' }));
    changes.push(envelope(4, 'credential.revoked', { credentialId: 'cred_ahead_4', visitId: visit.id, reason: null, at }));
    const { together, oneByOne } = await appliedBothWays(changes);
    expect(left(together)).toEqual(left(oneByOne));
    expect(left(together).credentials).toEqual(
      ['cred_ahead_4', 'cred_ahead_5', 'cred_ahead_6'].map((id) => ({ id, live: 0, end_reason: 'revoked', ended_by: 'Jordan Lee' })),
    );
  });
});
