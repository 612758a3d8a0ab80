import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/store/database';
import { startTestCloud, type TestCloud } from '../../cloud/helpers/test-cloud';
import { call, comboUnit, jane, linkedFetch, memorySecrets, openTestConsole, signIn, type TestConsole } from '../../helpers/test-console';
import { setUpSync } from '../../helpers/cloud-pairing';

let cloud: TestCloud | null = null;
const consoles: TestConsole[] = [];
afterEach(async () => {
  for (const c of consoles.splice(0)) await c.close();
  await cloud?.close();
  cloud = null;
});

const grant = { unitId: comboUnit, kind: 'pin', audience: 'guest', schedule: { type: 'permanent' }, guest: jane } as const;

/** A console with a switch on its link to the cloud. */
function linkedConsole() {
  const link = { online: true };
  const c = openTestConsole(undefined, {
    secrets: memorySecrets(),
    syncFetch: linkedFetch(link),
  });
  consoles.push(c);
  return { console: c, link };
}

async function pair(c: TestConsole): Promise<void> {
  await setUpSync(c, cloud!, 'Front desk');
  await signIn(c);
}

interface OutboxRow {
  state: string;
  payload_json: string;
  result_json: string | null;
}
const outboxRowOf = (c: TestConsole, credentialId: string): OutboxRow =>
  c.db.prepare("SELECT state, payload_json, result_json FROM outbox WHERE json_extract(payload_json, '$.credentialId') = ? AND kind = 'credential.granted'").get(credentialId) as OutboxRow;
const pinOf = (c: TestConsole, credentialId: string): string =>
  c.db.prepare('SELECT pin_code FROM credentials WHERE id = ?').pluck().get(credentialId) as string;

describe('the outbox keeps a guest’s code only while the cloud still needs it', () => {
  it('a grant waits offline with its code, and gives the code up once the cloud has answered', async () => {
    cloud = await startTestCloud();
    const { console: c, link } = linkedConsole();
    await pair(c);
    link.online = false;
    const granted = await call(c, 'access.grant', grant);
    const pin = pinOf(c, granted.id);
    // Offline, the code waits in the outbox: the cloud has not had it yet.
    expect(JSON.parse(outboxRowOf(c, granted.id).payload_json)).toMatchObject({ pinCode: pin });

    link.online = true;
    expect(await call(c, 'sync.now', {})).toMatchObject({ state: 'online', pending: 0 });
    const row = outboxRowOf(c, granted.id);
    expect(row.state).toBe('accepted');
    expect(JSON.parse(row.payload_json)).not.toHaveProperty('pinCode');
    // The rest of the row stays: the console's record of what it sent.
    expect(JSON.parse(row.payload_json)).toMatchObject({ credentialId: granted.id, kind: 'pin', doors: expect.arrayContaining([expect.objectContaining({ doorId: 'door-north-204' })]) });
    expect(`${row.payload_json}${row.result_json}`).not.toContain(pin);
    // The code itself is where it is needed: on this console's credential, and in the cloud.
    expect(pinOf(c, granted.id)).toBe(pin);
    const reader = await cloud.pair('Reader');
    const inCloud = (await reader.pullAll()).find((ch) => ch.kind === 'credential.granted' && ch.payload.credentialId === granted.id);
    expect(inCloud?.payload.pinCode).toBe(pin);
  });

  it('a console never paired queues no code; after pairing, those rows stay unsent and only new ones carry a code, until answered', async () => {
    cloud = await startTestCloud();
    const { console: c } = linkedConsole();
    const before = await call(c, 'access.grant', grant);
    const payload = JSON.parse(outboxRowOf(c, before.id).payload_json) as Record<string, unknown>;
    expect(payload).toMatchObject({ credentialId: before.id, kind: 'pin' });
    expect(payload).not.toHaveProperty('pinCode');
    expect(JSON.stringify(c.db.prepare('SELECT payload_json FROM outbox').pluck().all())).not.toContain(pinOf(c, before.id));

    await pair(c);
    const after = await call(c, 'access.grant', { ...grant, guest: { ...jane, name: 'Jane Roe' } });
    await call(c, 'sync.now', {});
    expect(outboxRowOf(c, before.id).state).toBe('pending'); // made before pairing: never sent
    expect(outboxRowOf(c, after.id).state).toBe('accepted');
    const everything = JSON.stringify(c.db.prepare('SELECT payload_json, result_json FROM outbox').all());
    for (const id of [before.id, after.id]) expect(everything).not.toContain(pinOf(c, id));
  });

  it('migration 008 takes the codes out of rows an older version kept: answered, and made before pairing', () => {
    const { console: c } = linkedConsole();
    const rows = [
      { seq: 1000001, state: 'accepted', pin: '73915046', fix: null },
      { seq: 1000002, state: 'rejected', pin: '84026157', fix: { kind: 'pin_reissued', credentialId: 'cred_x', pinCode: '95137268', doors: [] } },
      { seq: 1000003, state: 'pending', pin: '62804935', fix: null }, // made before pairing: never sent
      { seq: 1000005, state: 'pending', pin: '51793824', fix: null }, // made after pairing, not yet sent: kept
    ];
    const insert = c.db.prepare('INSERT INTO outbox (seq, mutation_id, kind, payload_json, created_at, state, result_json) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const r of rows)
      insert.run(r.seq, `m${r.seq}`, 'credential.granted', JSON.stringify({ credentialId: `cred_${r.seq}`, pinCode: r.pin }), new Date().toISOString(), r.state, r.fix ? JSON.stringify({ status: 'rejected', code: 'pin_taken', fix: r.fix }) : null);
    c.db.prepare("INSERT INTO settings (key, value) VALUES ('sync.from_seq', '1000004')").run();
    c.db.prepare('DELETE FROM schema_migrations WHERE version = 8').run();
    expect(migrate(c.db)).toEqual([8]);
    const kept = JSON.stringify(c.db.prepare('SELECT payload_json, result_json FROM outbox').all());
    for (const spent of ['73915046', '84026157', '95137268', '62804935']) expect(kept).not.toContain(spent);
    expect(kept).toContain('51793824');
    expect(JSON.parse(c.db.prepare('SELECT result_json FROM outbox WHERE seq = 1000002').pluck().get() as string)).toMatchObject({ code: 'pin_taken', fix: { kind: 'pin_reissued', credentialId: 'cred_x' } });
  });
});
