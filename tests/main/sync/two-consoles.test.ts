import { afterEach, describe, expect, it } from 'vitest';
import { demoTextKey, readTexts, startTestCloud, type TestCloud } from '../../cloud/helpers/test-cloud';
import { saveSyncSetup } from '../../../src/main/store/sync-state-repo';
import { call, comboUnit, jane, linkedFetch, memorySecrets, openTestConsole, signIn, writeCounts, type TestConsole } from '../../helpers/test-console';
import { pairedEarlier, setUpSync } from '../../helpers/cloud-pairing';

let cloud: TestCloud;
const consoles: TestConsole[] = [];
afterEach(async () => {
  for (const c of consoles.splice(0)) await c.close();
  await cloud?.close();
});

/** A console on the demo community paired with the test cloud; `online` cuts its link when false. */
async function pairedConsole(name: string) {
  const link = { online: true };
  const secrets = memorySecrets();
  const c = openTestConsole(undefined, {
    secrets,
    syncFetch: linkedFetch(link),
  });
  consoles.push(c);
  const status = await setUpSync(c, cloud, name);
  expect(status.state).toBe('online');
  // Avery signs in while the cloud is reachable: the cloud gives the key Avery's changes are proven with.
  await signIn(c);
  return { console: c, link, secrets };
}

const lobbyKiosk = { id: 'lobby-kiosk', name: 'Lobby kiosk', role: 'kiosk' } as const;
const grant = { unitId: comboUnit, kind: 'pin', audience: 'guest', schedule: { type: 'permanent' }, guest: jane } as const;

describe('two consoles through the cloud', () => {
  it('a grant on one console appears on the other, with the same code and doors', async () => {
    cloud = await startTestCloud();
    const a = await pairedConsole('Front desk');
    const b = await pairedConsole('Back office');
    const granted = await call(a.console, 'access.grant', grant);
    await call(a.console, 'sync.now', {});
    await call(b.console, 'sync.now', {});
    const onB = await call(b.console, 'units.get', { unitId: comboUnit });
    expect(onB.credentials.find((c) => c.id === granted.id)).toMatchObject({ guest: { name: jane.name }, doors: granted.doors });
    const pins = (c: TestConsole) => c.db.prepare('SELECT pin_code FROM credentials WHERE id = ?').pluck().get(granted.id);
    expect(pins(b.console)).toBe(pins(a.console));
    // B's activity log tells the same story, naming who did it.
    const received = b.console.db.prepare("SELECT actor, summary FROM audit_log WHERE action = 'sync.received'").all();
    expect(received).toContainEqual({ actor: 'Avery Brooks', summary: expect.stringContaining(jane.name) });
    // ...and the text the cloud sent shows as sent on both consoles, once each has heard of it.
    await cloud.server.textsSettled();
    for (const c of [a.console, b.console]) await call(c, 'sync.now', {});
    for (const c of [a.console, b.console])
      expect((await call(c, 'units.get', { unitId: comboUnit })).credentials.find((x) => x.id === granted.id)?.notification.status).toBe('sent');
    // The token is in the keychain, never in the store.
    const token = [...a.secrets.entries].find(([account]) => account.startsWith('cloud-token:'))![1];
    const everything = JSON.stringify(a.console.db.prepare('SELECT * FROM settings').all());
    expect(everything).not.toContain(token);
  });

  it('a console waiting for news sees another console’s grant at once, without a polling round of its own', async () => {
    cloud = await startTestCloud();
    const a = await pairedConsole('Front desk');
    // Paired earlier; it opens, starts its engine and waits on the cloud for news. Its own
    // rounds are an hour apart here, so only the held pull can bring the grant.
    const secrets = memorySecrets();
    const paired = await pairedEarlier(cloud, secrets, 'Back office');
    const b = openTestConsole(undefined, {
      secrets,
      syncLongPollSeconds: 25,
      beforeOpen: (db) => saveSyncSetup(db, { url: cloud.url, consoleId: paired.consoleId, consoleName: 'Back office' }),
    });
    consoles.push(b);
    const granted = await call(a.console, 'access.grant', grant);
    await call(a.console, 'sync.now', {});
    const onB = async () => (await call(b, 'units.get', { unitId: comboUnit })).credentials.find((c) => c.id === granted.id);
    while (!(await onB())) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await onB()).toMatchObject({ guest: { name: jane.name }, doors: granted.doors });
    // Sync now still answers at once: it stops the wait rather than queue behind it.
    await call(b, 'sync.now', {});
    expect((await call(b, 'sync.status', {})).state).toBe('online');
  });

  it('offline, a console keeps granting; its changes wait and arrive once the link is back', async () => {
    cloud = await startTestCloud();
    const a = await pairedConsole('Lobby');
    const b = await pairedConsole('Front desk');
    a.link.online = false;
    const first = await call(a.console, 'access.grant', grant);
    const second = await call(a.console, 'access.grant', { ...grant, guest: { ...jane, name: 'Jane Roe' } });
    const offline = await call(a.console, 'sync.now', {});
    expect(offline).toMatchObject({ state: 'offline', pending: 2 });
    expect(offline.lastError).toMatch(/could not be reached/);

    a.link.online = true;
    expect(await call(a.console, 'sync.now', {})).toMatchObject({ state: 'online', pending: 0 });
    await call(b.console, 'sync.now', {});
    const ids = (await call(b.console, 'units.get', { unitId: comboUnit })).credentials.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining([first.id, second.id]));
    // Pulling again changes nothing: every change applies once.
    const count = (c: TestConsole) => c.db.prepare('SELECT count(*) FROM credentials').pluck().get();
    const before = count(b.console);
    await call(b.console, 'sync.now', {});
    expect(count(b.console)).toBe(before);
  });

  it('a revoke on one console ends the credential on the other', async () => {
    cloud = await startTestCloud();
    const a = await pairedConsole('Front desk');
    const b = await pairedConsole('Back office');
    const granted = await call(a.console, 'access.grant', grant);
    await call(a.console, 'sync.now', {});
    await call(b.console, 'sync.now', {});
    await call(b.console, 'access.revoke', { credentialId: granted.id, reason: 'Moved out' });
    await call(b.console, 'sync.now', {});
    await call(a.console, 'sync.now', {});
    const onA = (await call(a.console, 'units.get', { unitId: comboUnit })).credentials.find((c) => c.id === granted.id);
    expect(onA?.status).toBe('revoked');
  });
});

describe('a kiosk console', () => {
  it('may end or resend only the access it granted itself, as the cloud rules, so it never shows an end the cloud refuses', async () => {
    cloud = await startTestCloud();
    const office = await pairedConsole('Front desk');
    const secrets = memorySecrets();
    const lobby = openTestConsole(lobbyKiosk, { secrets, syncFetch: (input, init) => fetch(input, init) });
    consoles.push(lobby);
    // Paired earlier by an admin (sync.setUp is theirs alone); the kiosk runs signed in as itself.
    const paired = await pairedEarlier(cloud, secrets, 'Lobby', true);
    saveSyncSetup(lobby.db, { url: cloud.url, consoleId: paired.consoleId, consoleName: 'Lobby' });

    const fromOffice = await call(office.console, 'access.grant', grant);
    await call(office.console, 'sync.now', {});
    await call(lobby, 'sync.now', {});
    // Received, as granted elsewhere, and not shown to the kiosk: it sees what a kiosk granted here.
    expect(lobby.db.prepare('SELECT origin_console IS NOT NULL FROM credentials WHERE id = ?').pluck().get(fromOffice.id)).toBe(1);
    const seen = await call(lobby, 'units.get', { unitId: comboUnit });
    expect(seen.credentials.map((c) => c.id)).not.toContain(fromOffice.id);
    expect(seen.notShown).toBeGreaterThan(0);
    const before = writeCounts(lobby.db);
    for (const [command, input] of [
      ['access.revoke', { credentialId: fromOffice.id, reason: 'Moved out' }],
      ['access.resend', { credentialId: fromOffice.id }],
    ] as const) {
      const answer = await lobby.core.dispatch(command, input);
      expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'credentialId', message: expect.stringContaining('was granted on another console') } });
    }
    expect(writeCounts(lobby.db)).toEqual(before);

    // Its own grant it may revoke, and the office sees it end.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const ownSchedule = { type: 'temporary', starts: `${tomorrow}T09:00`, ends: `${tomorrow}T17:00` } as const;
    const own = await call(lobby, 'access.grant', { ...grant, schedule: ownSchedule });
    await call(lobby, 'access.revoke', { credentialId: own.id, reason: 'Left early' });
    await call(lobby, 'sync.now', {});
    await call(office.console, 'sync.now', {});
    const onOffice = (await call(office.console, 'units.get', { unitId: comboUnit })).credentials;
    expect(onOffice.find((c) => c.id === own.id)?.status).toBe('revoked');
    expect(onOffice.find((c) => c.id === fromOffice.id)?.status).not.toBe('revoked');
    expect(lobby.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'sync.rejected'").pluck().get()).toBe(0);
  });
});

describe('a code the cloud settles', () => {
  it('a console that sends a code not leased to it (here: another console’s) gets the cloud’s code, and both consoles hold it', async () => {
    cloud = await startTestCloud();
    const a = await pairedConsole('Front desk');
    const b = await pairedConsole('Lobby');
    a.link.online = false;
    b.link.online = false;
    // Units on the same floor share the building's entrance and perimeter doors.
    const first = await call(a.console, 'access.grant', grant);
    const second = await call(b.console, 'access.grant', { ...grant, unitId: 'north-205', guest: { ...jane, name: 'Jane Roe' } });
    // B sends A's leased code (forced here: leases never hand two consoles the same code).
    const pinOnA = a.console.db.prepare('SELECT pin_code FROM credentials WHERE id = ?').pluck().get(first.id) as string;
    b.console.db.prepare('UPDATE credentials SET pin_code = ? WHERE id = ?').run(pinOnA, second.id);
    b.console.db
      .prepare("UPDATE outbox SET payload_json = json_set(payload_json, '$.pinCode', ?) WHERE json_extract(payload_json, '$.credentialId') = ?")
      .run(pinOnA, second.id);

    a.link.online = true;
    await call(a.console, 'sync.now', {});
    b.link.online = true;
    await call(b.console, 'sync.now', {});
    await call(a.console, 'sync.now', {});

    // Accepted with the cloud's code: nothing refused, nothing for staff to do.
    const answer = JSON.parse(b.console.db.prepare("SELECT result_json FROM outbox WHERE json_extract(payload_json, '$.credentialId') = ?").pluck().get(second.id) as string);
    expect(answer).toMatchObject({ status: 'accepted', fix: { kind: 'pin_assigned', credentialId: second.id } });
    expect(b.console.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'sync.rejected'").pluck().get()).toBe(0);
    // Both consoles hold the second guest's new code, different from the first guest's.
    const pinOf = (c: TestConsole, id: string) => c.db.prepare('SELECT pin_code FROM credentials WHERE id = ?').pluck().get(id);
    expect(pinOf(a.console, second.id)).toBe(pinOf(b.console, second.id));
    expect(pinOf(b.console, second.id)).not.toBe(pinOnA);
    expect(pinOf(a.console, first.id)).toBe(pinOnA);
    // The second guest is texted once, after the cloud settled the code.
    await cloud.server.textsSettled();
    expect(readTexts(cloud.textsFile).filter((t) => t.idempotencyKey.includes(second.id)).map((t) => t.idempotencyKey)).toEqual([demoTextKey(second.id)]);
  });
});

describe('guidelines the cloud holds', () => {
  it('a grant made offline under old guidelines is refused, ends here too, and the log says why', async () => {
    cloud = await startTestCloud();
    const a = await pairedConsole('Front desk');
    const b = await pairedConsole('Lobby');
    const community = await call(a.console, 'community.get', {});
    await call(a.console, 'community.updateGuidelines', { ...community.guidelines, maxTemporaryDays: 2 });
    await call(a.console, 'sync.now', {});

    b.link.online = false;
    const starts = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const ends = new Date(Date.now() + 11 * 86_400_000).toISOString().slice(0, 10);
    const ten = await call(b.console, 'access.grant', { ...grant, schedule: { type: 'temporary', starts: `${starts}T09:00`, ends: `${ends}T09:00` } });
    b.link.online = true;
    await call(b.console, 'sync.now', {});

    const onB = (await call(b.console, 'units.get', { unitId: comboUnit })).credentials.find((c) => c.id === ten.id);
    expect(onB?.status).toBe('revoked');
    const refused = b.console.db.prepare("SELECT summary FROM audit_log WHERE action = 'sync.rejected'").pluck().all() as string[];
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatch(/The cloud refused a change made here: .*2 days/);
    // B now works under the new guidelines too.
    expect((await call(b.console, 'community.get', {})).guidelines.maxTemporaryDays).toBe(2);
  });
});
