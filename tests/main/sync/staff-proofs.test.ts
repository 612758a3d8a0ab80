import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { hashPasscode } from '../../../src/cloud/staff/passcode';
import { saveSyncSetup } from '../../../src/main/store/sync-state-repo';
import { startTestCloud, withoutTextStatus, type TestCloud } from '../../cloud/helpers/test-cloud';
import { call, comboUnit, jane, linkedFetch, memorySecrets, openTestConsole, signIn, type TestConsole } from '../../helpers/test-console';
import { pairedEarlier } from '../../helpers/cloud-pairing';

/*
 * A console's side of "staff prove who they are to the cloud" (docs/sync-api.md): an online
 * sign-in gives the key this console proves a staff member's changes with; changes made by
 * someone who only signed in offline wait for them; the cloud's answer at sign-in is
 * authoritative; and a change the cloud can never apply does not jam the queue.
 */

let cloud: TestCloud;
const consoles: TestConsole[] = [];
afterEach(async () => {
  for (const c of consoles.splice(0)) await c.close();
  await cloud?.close();
});

/** A console paired with the test cloud by an admin earlier, nobody signed in; `link.online` cuts it. */
async function pairedConsole(name = 'Front desk') {
  const link = { online: true };
  const secrets = memorySecrets();
  const c = openTestConsole(null, {
    secrets,
    syncFetch: linkedFetch(link),
  });
  consoles.push(c);
  const paired = await pairedEarlier(cloud, secrets, name);
  saveSyncSetup(c.db, { url: cloud.url, consoleId: paired.consoleId, consoleName: name, kiosk: false });
  return { console: c, link, secrets, consoleId: paired.consoleId };
}

const grant = { unitId: comboUnit, kind: 'pin', audience: 'guest', schedule: { type: 'permanent' }, guest: jane } as const;

describe('an online sign-in', () => {
  it('keeps the key the cloud gave in the keychain, not the store, and the staff member’s changes flow', async () => {
    cloud = await startTestCloud();
    const desk = await pairedConsole();
    await signIn(desk.console, 'jordan');
    const stored = desk.secrets.entries.get(`staff-key:${desk.consoleId}:jordan`);
    expect(JSON.parse(stored!)).toEqual({ id: expect.stringMatching(/^key_/), secret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    const { secret } = JSON.parse(stored!) as { secret: string };
    const granted = await call(desk.console, 'access.grant', grant);
    expect(await call(desk.console, 'sync.now', {})).toMatchObject({ state: 'online', pending: 0, waitingFor: [] });
    const reader = await cloud.pair('Reader');
    const change = withoutTextStatus(await reader.pullAll()).find((c) => c.payload.credentialId === granted.id);
    expect(change).toMatchObject({ kind: 'credential.granted', actor: { id: 'jordan', name: 'Jordan Lee', role: 'leasing' } });
    const everything = JSON.stringify([desk.console.db.prepare('SELECT * FROM settings').all(), desk.console.db.prepare('SELECT * FROM outbox').all()]);
    expect(everything).not.toContain(secret);
  });

  it('an offline sign-in’s changes wait, and say for whom, until that person signs in while the cloud is reachable', async () => {
    cloud = await startTestCloud();
    const desk = await pairedConsole();
    desk.link.online = false;
    await signIn(desk.console, 'jordan'); // checked on this console: the cloud cannot be reached
    await call(desk.console, 'access.grant', grant);
    await call(desk.console, 'access.grant', { ...grant, guest: { ...jane, name: 'Jane Roe' } });
    desk.link.online = true;
    const waiting = await call(desk.console, 'sync.now', {});
    expect(waiting).toMatchObject({ state: 'online', pending: 2, waitingFor: [{ staffId: 'jordan', name: 'Jordan Lee', changes: 2 }] });
    const reader = await cloud.pair('Reader');
    expect(withoutTextStatus(await reader.pullAll())).toEqual([]);

    await signIn(desk.console, 'jordan'); // now the cloud answers, with Jordan's key
    expect(await call(desk.console, 'sync.now', {})).toMatchObject({ state: 'online', pending: 0, waitingFor: [] });
    expect(withoutTextStatus(await reader.pullAll()).map((c) => c.kind)).toEqual(['credential.granted', 'credential.granted']);
    expect(desk.console.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'sync.rejected'").pluck().get()).toBe(0);
  });

  it('the cloud’s answer is authoritative: a passcode changed there refuses the old one, offline too, and takes the new one', async () => {
    cloud = await startTestCloud();
    const desk = await pairedConsole();
    await cloud.store.setStaffPasscode('jordan', hashPasscode('8642'));
    const refused = await desk.console.core.dispatch('staff.signIn', { staffId: 'jordan', passcode: '2468' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'passcode' } });
    desk.link.online = false;
    expect(await desk.console.core.dispatch('staff.signIn', { staffId: 'jordan', passcode: '2468' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    desk.link.online = true;
    await signIn(desk.console, 'jordan', '8642');
    desk.link.online = false;
    await signIn(desk.console, 'jordan', '8642'); // the console's copy learned it
  });

  it('a role changed in the cloud updates the console’s copy at the next online sign-in', async () => {
    cloud = await startTestCloud();
    const desk = await pairedConsole();
    const db = new Database(path.join(cloud.dataDir, 'cloud.sqlite'));
    db.prepare("UPDATE staff SET role = 'maintenance' WHERE id = 'jordan'").run();
    db.close();
    const session = await call(desk.console, 'staff.signIn', { staffId: 'jordan', passcode: '2468' });
    expect(session.operator).toEqual({ id: 'jordan', name: 'Jordan Lee', role: 'maintenance' });
    expect(desk.console.db.prepare("SELECT role FROM staff WHERE id = 'jordan'").pluck().get()).toBe('maintenance');
  });
});

describe('the activity log of another console', () => {
  it('shows the cloud’s sentence and name, not the words of the console that made the change', async () => {
    cloud = await startTestCloud();
    const a = await pairedConsole('Front desk');
    const b = await pairedConsole('Back office');
    await signIn(a.console, 'avery');
    await signIn(b.console, 'jordan');
    const granted = await call(a.console, 'access.grant', grant);
    await call(a.console, 'sync.now', {});
    await call(b.console, 'sync.now', {});
    const own = a.console.db.prepare("SELECT summary FROM audit_log WHERE action = 'access.granted' AND subject_id = ?").pluck().get(granted.id);
    const received = b.console.db.prepare("SELECT actor, summary FROM audit_log WHERE action = 'sync.received' AND subject_id = ?").get(granted.id);
    expect(received).toEqual({ actor: 'Avery Brooks', summary: `Avery Brooks granted Jane Doe a Permanent PIN code for North Tower 204, opening ${granted.doors.length} doors` });
    expect(received).not.toMatchObject({ summary: own });
  });
});

describe('a change the cloud can never apply', () => {
  it('is refused for good, shows in the activity log, and the changes after it go', async () => {
    cloud = await startTestCloud();
    const desk = await pairedConsole();
    await signIn(desk.console, 'avery');
    // An outbox row no writer of today makes: a date that passes the pattern but does not exist.
    const poison = { credentialId: 'cred_poison', unitId: comboUnit, guest: { id: 'guest_poison', name: 'Poison Pill', phone: '+13125550100', company: null }, audience: 'guest', kind: 'pin', schedule: { type: 'temporary', starts: '2031-02-01T09:00', ends: '2031-02-30T09:00' }, pinCode: '602817', doors: [{ doorId: `door-${comboUnit}`, slot: 30 }], at: new Date().toISOString() };
    desk.console.db
      .prepare("INSERT INTO outbox (mutation_id, kind, payload_json, created_at, actor_json, audit_json) VALUES ('0f8fad5b-d9cb-469f-a165-70867728950e', 'credential.granted', ?, ?, ?, NULL)")
      .run(JSON.stringify(poison), new Date().toISOString(), JSON.stringify({ kind: 'staff', staffId: 'avery', name: 'Avery Brooks' }));
    const granted = await call(desk.console, 'access.grant', grant);
    expect(await call(desk.console, 'sync.now', {})).toMatchObject({ state: 'online', pending: 0 });
    const rejected = desk.console.db.prepare("SELECT summary, json_extract(details_json, '$.code') AS code FROM audit_log WHERE action = 'sync.rejected'").all();
    expect(rejected).toEqual([{ code: 'unprocessable', summary: expect.stringContaining('fails the same way every time') }]);
    const reader = await cloud.pair('Reader');
    expect(withoutTextStatus(await reader.pullAll()).map((c) => c.payload.credentialId)).toEqual([granted.id]);
  });
});
