import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CloudLog } from '../../../src/cloud/cloud-log';
import { openCloudDatabase } from '../../../src/cloud/store/sqlite/sqlite-database';
import { readTexts, startTestCloud, type TestCloud } from '../../cloud/helpers/test-cloud';
import { openHardwareConsole } from '../../helpers/hardware-console';
import { call, memorySecrets, openTestConsole, signIn, type TestConsole } from '../../helpers/test-console';
import { setUpSync } from '../../helpers/cloud-pairing';

let cloud: TestCloud | null = null;
const consoles: TestConsole[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const c of consoles.splice(0)) await c.close();
  await cloud?.close();
  cloud = null;
});

/** Everything a process printed or logged, as text. */
const logged: string[] = [];
const asText = (value: unknown): string => (value instanceof Error ? `${value.message}\n${value.stack}` : typeof value === 'string' ? value : JSON.stringify(value) ?? String(value));

/**
 * The codes found in a text: digit runs equal to an issued code, once ids and hashes (hex,
 * where digits run by chance) are taken out. Every code here has six digits or more.
 */
function codesIn(text: string, codes: Set<string>): string[] {
  const plain = text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '').replace(/[0-9a-f]{16,}/gi, '');
  return [...new Set((plain.match(/\d+/g) ?? []).filter((run) => codes.has(run)))];
}

const guest = (name: string, n: number) => ({ name, phone: `(312) 555-01${String(n).padStart(2, '0')}` });

describe('no guest code in the record', () => {
  it('after every kind of action, none is in either console’s audit log or answered outbox, the logs, the cloud’s answers or the texts', async () => {
    for (const method of ['error', 'warn', 'log', 'info'] as const)
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(asText).join(' ')));
    const cloudLog: CloudLog = (level, message, error) => logged.push(`${level} ${message} ${error === undefined ? '' : asText(error)}`);
    cloud = await startTestCloud({ log: cloudLog });
    const started = new Date().toISOString();

    const links = { a: true, b: true };
    const linked = (which: 'a' | 'b'): typeof fetch => (input, init) => (links[which] ? fetch(input, init) : Promise.reject(new TypeError('fetch failed: network is down')));
    const a = openHardwareConsole({ bench: true, secrets: memorySecrets(), syncFetch: linked('a') });
    const b = openTestConsole(undefined, { secrets: memorySecrets(), syncFetch: linked('b') });
    consoles.push(a, b);
    for (const [c, name] of [[a, 'Front desk'], [b, 'Lobby']] as const) {
      await setUpSync(c, cloud, name);
      await signIn(c);
    }

    // Grants of each type, on North Tower (6 to 8 digit keypads and readers).
    const pin = { kind: 'pin', audience: 'guest' } as const;
    const permanent = await call(a, 'access.grant', { ...pin, unitId: 'north-204', guest: guest('Ana Ruiz', 1), schedule: { type: 'permanent' } });
    const temporary = await call(a, 'access.grant', { ...pin, unitId: 'north-301', guest: guest('Ben Okafor', 2), schedule: { type: 'temporary', starts: '2099-03-01T09:00', ends: '2099-03-05T17:00' } });
    const recurring = await call(a, 'access.grant', { ...pin, unitId: 'north-302', guest: guest('Cleo Hart', 3), schedule: { type: 'recurring', days: ['mon', 'thu'], from: '09:00', until: '11:00' } });
    await call(a, 'access.grant', { ...pin, unitId: 'north-303', guest: guest('Dee Park', 4), schedule: { type: 'delivery' } });
    await call(a, 'access.grant', { kind: 'ble', audience: 'guest', unitId: 'north-304', guest: guest('Eli Moss', 5), schedule: { type: 'permanent' } });
    // Reissue, revoke, resend, bulk grant.
    await call(a, 'access.reschedule', { credentialId: temporary.id, schedule: { type: 'temporary', starts: '2099-04-01T09:00', ends: '2099-04-05T17:00' } });
    await call(a, 'access.revoke', { credentialId: recurring.id, reason: 'Moved out' });
    await call(a, 'access.resend', { credentialId: permanent.id });
    const bulk = await call(a, 'access.bulkGrant', { target: { scope: 'units', unitIds: ['north-401', 'north-402', 'north-403'] }, kind: 'pin', audience: 'vendor', guest: { name: 'Fay Lin', phone: '(312) 555-0106', company: 'Brightline Cleaning' }, schedule: { type: 'permanent' } });
    expect(bulk.granted).toHaveLength(3);
    await call(a, 'sync.now', {});

    // A sync round with a PIN change: an offline console sends a code another console holds.
    links.a = links.b = false;
    const first = await call(a, 'access.grant', { ...pin, unitId: 'north-205', guest: guest('Gus Hale', 7), schedule: { type: 'permanent' } });
    const second = await call(b, 'access.grant', { ...pin, unitId: 'north-206', guest: guest('Hana Ito', 8), schedule: { type: 'permanent' } });
    const clash = a.db.prepare('SELECT pin_code FROM credentials WHERE id = ?').pluck().get(first.id) as string;
    b.db.prepare('UPDATE credentials SET pin_code = ? WHERE id = ?').run(clash, second.id);
    b.db.prepare("UPDATE outbox SET payload_json = json_set(payload_json, '$.pinCode', ?) WHERE json_extract(payload_json, '$.credentialId') = ?").run(clash, second.id);
    links.a = links.b = true;
    await call(a, 'sync.now', {});
    await call(b, 'sync.now', {});
    // The cloud settled B's grant on a code of its own (pin_assigned); B took it from the pull.
    const settled = b.db.prepare('SELECT pin_code FROM credentials WHERE id = ?').pluck().get(second.id) as string;
    expect(settled).toMatch(/^\d{6,8}$/);
    expect(settled).not.toBe(clash);

    // Door programming: the unit door with the new grants on it.
    const programmer = await a.programmer();
    await a.attach(programmer.id, 'door-north-204');
    await call(a, 'hardware.program', { programmerId: programmer.id });
    expect((await a.finished(programmer.id)).status).toBe('succeeded');

    await cloud.server.textsSettled();
    for (const c of [a, b, a, b]) await call(c, 'sync.now', {});

    const codes = new Set(
      [a, b].flatMap((c) => c.db.prepare('SELECT pin_code FROM credentials WHERE pin_code IS NOT NULL AND created_at >= ?').pluck().all(started) as string[]),
    );
    const reissued = b.db.prepare('SELECT pin_code FROM credentials WHERE id = ?').pluck().get(second.id) as string;
    expect(reissued).not.toBe(clash);
    expect(codes).toContain(reissued);
    // The vendor's three units are one visit: one code for the three.
    expect(codes.size).toBeGreaterThanOrEqual(7);
    for (const code of codes) expect(code).toMatch(/^\d{6,8}$/);

    const where: Record<string, string> = {};
    for (const [name, c] of [['console A', a], ['console B', b]] as const) {
      where[`${name} audit log`] = JSON.stringify(c.db.prepare('SELECT at, actor, action, subject_id, summary, details_json FROM audit_log').all());
      expect(c.db.prepare("SELECT count(*) FROM outbox WHERE state = 'pending' AND seq > (SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'sync.from_seq')").pluck().get()).toBe(0);
      where[`${name} outbox`] = JSON.stringify(c.db.prepare('SELECT payload_json, audit_json, result_json, last_error FROM outbox').all());
      where[`${name} errors`] = c.errors.map(asText).join('\n');
    }
    const cloudDb = openCloudDatabase(cloud.dataDir);
    where['cloud answers'] = JSON.stringify(cloudDb.prepare('SELECT * FROM mutation_results').all());
    where['cloud change log lines'] = JSON.stringify(cloudDb.prepare('SELECT audit_json FROM changes').pluck().all());
    cloudDb.close();
    where.texts = JSON.stringify(readTexts(cloud.textsFile));
    where.logs = logged.join('\n');
    expect(where.texts).toContain('your access code');
    expect(Object.fromEntries(Object.entries(where).map(([name, text]) => [name, codesIn(text, codes)]))).toEqual(Object.fromEntries(Object.keys(where).map((name) => [name, []])));
  });
});
