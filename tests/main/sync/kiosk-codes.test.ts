import { afterEach, describe, expect, it } from 'vitest';
import { saveSyncSetup } from '../../../src/main/store/sync-state-repo';
import { startTestCloud, type TestCloud } from '../../cloud/helpers/test-cloud';
import { call, comboUnit, jane, memorySecrets, openTestConsole, signIn, type TestConsole } from '../../helpers/test-console';
import { pairedEarlier } from '../../helpers/cloud-pairing';

let cloud: TestCloud | undefined;
const consoles: TestConsole[] = [];
afterEach(async () => {
  for (const c of consoles.splice(0)) await c.close();
  await cloud?.close();
  cloud = undefined;
});

/** A console paired with the test cloud (by an admin, earlier), and every answer it received from GET /v1/changes. */
async function paired(name: string, operator: Parameters<typeof openTestConsole>[0], kiosk: boolean) {
  const pulled: string[] = [];
  const secrets = memorySecrets();
  const c = openTestConsole(operator, {
    secrets,
    syncFetch: async (input, init) => {
      const res = await fetch(input, init);
      if (new URL(String(input)).pathname === '/v1/changes') pulled.push(await res.clone().text());
      return res;
    },
  });
  consoles.push(c);
  const p = await pairedEarlier(cloud!, secrets, name, kiosk);
  saveSyncSetup(c.db, { url: cloud!.url, consoleId: p.consoleId, consoleName: name, kiosk });
  // An office console's staff sign in online once, so their changes can be proven; a kiosk's token is its proof.
  if (!kiosk && operator) await signIn(c, operator.id);
  return { console: c, pulled };
}

const jordan = { id: 'jordan', name: 'Jordan Lee', role: 'leasing' } as const;
const lobbyKiosk = { id: 'lobby-kiosk', name: 'Lobby kiosk', role: 'kiosk' } as const;
const pinOf = (c: TestConsole, id: string) => c.db.prepare('SELECT pin_code FROM credentials WHERE id = ?').pluck().get(id) as string | null;

/** Every row of the tables a code could sit in, as text. */
function storeText(c: TestConsole): string {
  return ['credentials', 'outbox', 'audit_log', 'pin_lease', 'settings'].map((t) => JSON.stringify(c.db.prepare(`SELECT * FROM ${t}`).all())).join('\n');
}

describe('a kiosk console and an office console on one cloud', () => {
  it('the kiosk never receives nor keeps the office’s codes, and holds its grants without showing them; the office receives the kiosk’s codes', async () => {
    cloud = await startTestCloud();
    const office = await paired('Front desk', jordan, false);
    const lobby = await paired('Lobby', lobbyKiosk, true);
    for (const c of [office, lobby]) await call(c.console, 'sync.now', {});

    // The office grants a guest the unit door, the building's entrance and the perimeter gates, then moves the dates.
    const granted = await call(office.console, 'access.grant', { unitId: comboUnit, kind: 'pin', audience: 'guest', schedule: { type: 'permanent' }, guest: jane });
    expect(granted.doors.map((d) => d.kind)).toEqual(expect.arrayContaining(['unit', 'entrance', 'perimeter']));
    const nextYear = new Date().getFullYear() + 1;
    const moved = await call(office.console, 'access.reschedule', { credentialId: granted.id, schedule: { type: 'temporary', starts: `${nextYear}-03-01T09:00`, ends: `${nextYear}-03-05T09:00` } });
    const pass = await call(office.console, 'access.grant', { unitId: comboUnit, kind: 'ble', audience: 'guest', schedule: { type: 'permanent' }, guest: { ...jane, name: 'Jo Pass' } });
    const passOf = (c: TestConsole) => c.db.prepare('SELECT ble_pass FROM credentials WHERE id = ?').pluck().get(pass.id) as string | null;
    const officeCodes = [pinOf(office.console, granted.id)!, pinOf(office.console, moved.id)!, passOf(office.console)!];
    await call(office.console, 'sync.now', {});
    await call(lobby.console, 'sync.now', {});

    for (const code of officeCodes) {
      expect(lobby.pulled.join('\n')).not.toContain(code);
      expect(storeText(lobby.console)).not.toContain(code);
    }
    expect(pinOf(lobby.console, moved.id)).toBeNull();
    expect(passOf(lobby.console)).toBeNull();
    // The kiosk holds the office's grant (its doors' slots are taken) but shows it to nobody at
    // the kiosk: its screens list what a kiosk granted here.
    const held = () => lobby.console.db.prepare('SELECT origin_console IS NOT NULL AS elsewhere, end_reason AS ended FROM credentials WHERE id = ?').get(moved.id);
    expect(held()).toEqual({ elsewhere: 1, ended: null });
    const unit = await call(lobby.console, 'units.get', { unitId: comboUnit });
    expect(unit.credentials.map((c) => c.id)).not.toContain(moved.id);
    expect(unit.notShown).toBeGreaterThan(0);
    expect((await call(lobby.console, 'credentials.list', { search: jane.name })).credentials.map((c) => c.id)).not.toContain(moved.id);

    // The kiosk's own grant: the office gets its code (a maintenance console programs doors with it).
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const own = await call(lobby.console, 'access.grant', { unitId: 'north-205', kind: 'pin', audience: 'guest', schedule: { type: 'temporary', starts: `${tomorrow}T09:00`, ends: `${tomorrow}T17:00` }, guest: { ...jane, name: 'Jane Roe' } });
    const ownPass = await call(lobby.console, 'access.grant', { unitId: 'north-205', kind: 'ble', audience: 'guest', schedule: { type: 'temporary', starts: `${tomorrow}T09:00`, ends: `${tomorrow}T17:00` }, guest: { ...jane, name: 'Jo Roe' } });
    await call(lobby.console, 'sync.now', {});
    await call(office.console, 'sync.now', {});
    expect(pinOf(lobby.console, own.id)).toMatch(/^\d{6}$/);
    expect(pinOf(office.console, own.id)).toBe(pinOf(lobby.console, own.id));
    const passOn = (c: TestConsole) => c.db.prepare('SELECT ble_pass FROM credentials WHERE id = ?').pluck().get(ownPass.id) as string | null;
    expect(passOn(lobby.console)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(passOn(office.console)).toBe(passOn(lobby.console));
    // And the office's revoke still reaches the kiosk.
    await call(office.console, 'access.revoke', { credentialId: moved.id, reason: 'Moved out' });
    await call(office.console, 'sync.now', {});
    await call(lobby.console, 'sync.now', {});
    expect(held()).toEqual({ elsewhere: 1, ended: 'revoked' });
  });
});
