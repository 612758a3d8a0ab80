import { afterEach, describe, expect, it } from 'vitest';
import { readCursor, saveSyncSetup } from '../../../src/main/store/sync-state-repo';
import type { CredentialPage, UnitPage } from '../../../src/shared/domain';
import { startTestCloud, type TestCloud } from '../../cloud/helpers/test-cloud';
import { pairedEarlier } from '../../helpers/cloud-pairing';
import { call, memorySecrets, openTestConsole, signIn, type TestConsole } from '../../helpers/test-console';

/*
 * A page of the cloud's changes is applied in one transaction, with the units' search rows
 * (who holds each unit, for the search boxes) rewritten once per unit at its end rather than at
 * each credential: the search must find exactly what the page left, and a page that fails
 * midway leaves nothing, its search upkeep included.
 */

let cloud: TestCloud;
const consoles: TestConsole[] = [];
afterEach(async () => {
  for (const c of consoles.splice(0)) await c.close();
  await cloud?.close();
});

const unitId = 'north-204';
const at = '2026-03-02T15:00:00.000Z';
const actor = { id: 'jordan', name: 'Jordan Lee', role: 'leasing' } as const;

const envelope = (cursor: number, kind: string, payload: Record<string, unknown>, summary: string) => ({
  cursor, kind, payload, origin: 'console_elsewhere', mutationId: null, at, appliedAt: at, actor, audit: { action: kind === 'credential.revoked' ? 'access.revoked' : 'access.granted', summary },
});

const granted = (cursor: number, n: number, name: string, unit = unitId) =>
  envelope(cursor, 'credential.granted', {
    credentialId: `cred_page_${n}`,
    unitId: unit,
    guest: { id: `guest_elsewhere_${n}`, name, phone: `+1312555${String(7000 + n)}`, company: null },
    audience: 'guest',
    kind: 'ble',
    schedule: { type: 'permanent' },
    pinCode: null,
    doors: [{ doorId: `door-${unit}`, slot: 40 + n }],
    at,
  }, `Granted a pass to ${name}`);

const revoked = (cursor: number, n: number, name: string) => envelope(cursor, 'credential.revoked', { credentialId: `cred_page_${n}`, at }, `Revoked ${name}'s pass`);

/**
 * A console whose pulls are answered `page` (and whose other requests reach the cloud): a page,
 * or a function of the cursor asked after answering a page or null (the cloud fails: a 503).
 */
async function consoleAnswered(page: { current: unknown }) {
  const secrets = memorySecrets();
  const forged: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    if (url.pathname !== '/v1/changes') return fetch(input, init);
    const answer = typeof page.current === 'function' ? (page.current as (after: number) => unknown)(Number(url.searchParams.get('after'))) : page.current;
    if (answer === null) return new Response(JSON.stringify({ error: { code: 'unavailable', message: 'Down for a moment.' } }), { status: 503, headers: { 'content-type': 'application/json' } });
    return new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const desk = openTestConsole(null, { secrets, syncFetch: forged });
  consoles.push(desk);
  const paired = await pairedEarlier(cloud, secrets, 'Front desk');
  saveSyncSetup(desk.db, { url: cloud.url, consoleId: paired.consoleId, consoleName: 'Front desk', kiosk: false });
  await signIn(desk, 'avery');
  return desk;
}

async function unitsFound(desk: TestConsole, search: string): Promise<string[]> {
  const page = (await call(desk, 'units.list', { search, limit: 500 })) as UnitPage;
  return page.rows.map((r) => r.id);
}

/** The live credentials the units grid counts for a unit, beside those the store holds. */
async function countedLive(desk: TestConsole, unit: string): Promise<{ shown: number | undefined; held: number }> {
  const page = (await call(desk, 'units.list', { limit: 500 })) as UnitPage;
  const held = desk.db.prepare<[string], number>('SELECT count(*) FROM credentials WHERE unit_id = ? AND ended_at IS NULL').pluck().get(unit)!;
  return { shown: page.rows.find((r) => r.id === unit)?.credentialCount, held };
}

/** The credentials the Access page's search finds (the guests' index). */
async function credentialsFound(desk: TestConsole, search: string): Promise<string[]> {
  const page = (await call(desk, 'credentials.list', { search, limit: 500 })) as CredentialPage;
  return page.credentials.map((c) => c.id).sort();
}

const auditCount = (desk: TestConsole) => desk.db.prepare<[], number>("SELECT count(*) FROM audit_log WHERE action = 'sync.received'").pluck().get();

describe('a pulled page and the units search', () => {
  it('a grant and its revoke on the same page, beside another grant: search finds the unit by the guest still holding it, not by the revoked one', async () => {
    cloud = await startTestCloud();
    const page = {
      current: {
        changes: [granted(1, 1, 'Quillon Barrowfield'), granted(2, 2, 'Marisela Okonkwo-Vance'), revoked(3, 1, 'Quillon Barrowfield'), granted(4, 3, 'Teodora Fairweather', 'north-1204')],
        next: 4,
        more: false,
      },
    };
    const desk = await consoleAnswered(page);
    expect(await call(desk, 'sync.now', {})).toMatchObject({ state: 'online' });
    expect(readCursor(desk.db)).toBe(4);
    // The grid counts the live credentials the page left, as the search finds them: the revoked one not.
    for (const unit of [unitId, 'north-1204']) {
      const counted = await countedLive(desk, unit);
      expect(counted.shown, unit).toBe(counted.held);
    }
    expect(desk.db.prepare("SELECT count(*) FROM credentials WHERE id LIKE 'cred_page_%' AND ended_at IS NULL").pluck().get()).toBe(2);
    // The Access page's search finds the page's guests by name and by phone, as it finds any.
    expect(await credentialsFound(desk, 'Fairweather')).toEqual(['cred_page_3']);
    expect(await credentialsFound(desk, '312 555 7002')).toEqual(['cred_page_2']);
    expect(await unitsFound(desk, 'Okonkwo-Vance')).toEqual([unitId]);
    expect(await unitsFound(desk, '312555 7002')).toEqual([unitId]);
    expect(await unitsFound(desk, 'Fairweather')).toEqual(['north-1204']);
    expect(await unitsFound(desk, 'Barrowfield')).toEqual([]);
    // Each received change keeps its audit line.
    expect(auditCount(desk)).toBe(4);

    // The same page seen again changes nothing.
    expect(await call(desk, 'sync.now', {})).toMatchObject({ state: 'online' });
    expect(auditCount(desk)).toBe(4);
    expect(await unitsFound(desk, 'Okonkwo-Vance')).toEqual([unitId]);

    // After the page, a grant made here updates the search at once, as before.
    const grant = await desk.core.dispatch('access.grant', { unitId, kind: 'ble', audience: 'guest', schedule: { type: 'permanent' }, guest: { name: 'Ansgar Pemberton-Lowe', phone: '(312) 555-0177' } });
    expect(grant).toMatchObject({ ok: true });
    expect(await unitsFound(desk, 'Pemberton-Lowe')).toEqual([unitId]);
    expect(await unitsFound(desk, 'Okonkwo-Vance')).toEqual([unitId]);
  });

  it('a page that fails midway: nothing of it stays, neither its credentials, nor their search rows, nor the cursor', async () => {
    cloud = await startTestCloud();
    // The second grant names a unit this community does not have: applying it fails.
    const page = { current: { changes: [granted(1, 1, 'Quillon Barrowfield'), granted(2, 2, 'Marisela Okonkwo-Vance', 'no-such-unit')], next: 2, more: false } };
    const desk = await consoleAnswered(page);
    const before = auditCount(desk);
    expect(await call(desk, 'sync.now', {})).toMatchObject({ state: 'error' });
    expect(readCursor(desk.db)).toBe(0);
    expect(desk.db.prepare("SELECT count(*) FROM credentials WHERE id LIKE 'cred_page_%'").pluck().get()).toBe(0);
    expect(await unitsFound(desk, 'Barrowfield')).toEqual([]);
    expect(auditCount(desk)).toBe(before);
    const counted = await countedLive(desk, unitId);
    expect(counted.shown).toBe(counted.held);
    expect(await credentialsFound(desk, 'Barrowfield')).toEqual([]);

    // Nothing of the failed page's deferral stays behind: a grant here shows in search at once.
    const grant = await desk.core.dispatch('access.grant', { unitId, kind: 'ble', audience: 'guest', schedule: { type: 'permanent' }, guest: { name: 'Ansgar Pemberton-Lowe', phone: '(312) 555-0177' } });
    expect(grant.ok).toBe(true);
    expect(await unitsFound(desk, 'Pemberton-Lowe')).toEqual([unitId]);

    // The cloud's page, put right, applies whole.
    page.current = { changes: [granted(1, 1, 'Quillon Barrowfield'), granted(2, 2, 'Marisela Okonkwo-Vance', 'north-1204')], next: 2, more: false };
    expect(await call(desk, 'sync.now', {})).toMatchObject({ state: 'online' });
    expect(await unitsFound(desk, 'Barrowfield')).toEqual([unitId]);
    expect(await unitsFound(desk, 'Okonkwo-Vance')).toEqual(['north-1204']);
    expect(await credentialsFound(desk, 'Barrowfield')).toEqual(['cred_page_1']);
  });

  it('pages applied together: a page that cannot be fetched ends the pull once the pages before it are applied, with their cursor', async () => {
    cloud = await startTestCloud();
    const first = { changes: [granted(1, 1, 'Quillon Barrowfield'), granted(2, 2, 'Marisela Okonkwo-Vance')], next: 2, more: true };
    const second = { changes: [revoked(3, 1, 'Quillon Barrowfield')], next: 3, more: false };
    const down = { current: true };
    const page = { current: (after: number) => (after === 0 ? first : after === 2 && !down.current ? second : null) };
    const desk = await consoleAnswered(page);
    expect(await call(desk, 'sync.now', {})).toMatchObject({ state: 'offline' });
    expect(readCursor(desk.db)).toBe(2);
    expect(await unitsFound(desk, 'Barrowfield')).toEqual([unitId]);
    expect(auditCount(desk)).toBe(2);

    down.current = false;
    expect(await call(desk, 'sync.now', {})).toMatchObject({ state: 'online' });
    expect(readCursor(desk.db)).toBe(3);
    expect(await unitsFound(desk, 'Barrowfield')).toEqual([]);
    expect(await unitsFound(desk, 'Okonkwo-Vance')).toEqual([unitId]);
    expect(auditCount(desk)).toBe(3);
  });
});
