import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { hashConsoleToken } from '../../src/cloud/consoles/console-token';
import type { CloudStore } from '../../src/cloud/store/cloud-store';
import { openPostgresCloudStore } from '../../src/cloud/store/postgres/open-postgres-cloud-store';
import { initial as postgresInitial } from '../../src/cloud/store/postgres/migrations/001-initial';
import { migrations as sqliteMigrations } from '../../src/cloud/store/sqlite/migrations';
import { openSqliteCloudStore } from '../../src/cloud/store/sqlite/sqlite-cloud-store';
import { freshPostgresDatabase, type TestDatabase } from '../helpers/postgres-database';
import { tempDir } from './helpers/test-cloud';

/*
 * A cloud from before communities (SQLite at migration 5, PostgreSQL at 1) holding one
 * community's consoles, grants, log, leases, anchors and texts: after the upgrade it is one
 * tenant holding all of it, and a second community with the same ids fits beside it.
 */
const token = 'T'.repeat(43);
const at = '2026-12-01T10:00:00.000Z';
const later = '2099-01-01T00:00:00.000Z';

const rows = (j: (column: string) => string, yes: string) => `
INSERT INTO community (id, name, time_zone, phone_region, ${j('access_system')}, ${j('guidelines')}) VALUES ('old-town', 'Old Town', 'America/Chicago', 'US', 'null', '{}');
INSERT INTO lock_models (id, maker, name, role, ${j('capabilities')}) VALUES ('kp', 'Kestrel', 'Keypad', 'unit_lock', '{}');
INSERT INTO buildings (id, name) VALUES ('north', 'North');
INSERT INTO units (id, building_id, number) VALUES ('north-101', 'north', '101');
INSERT INTO doors (id, name, kind, building_id, unit_id, lock_model_id) VALUES ('door-north-101', '101', 'unit', 'north', 'north-101', 'kp');
INSERT INTO staff (id, name, role) VALUES ('avery', 'Avery', 'admin');
INSERT INTO consoles (id, name, kiosk, token_hash, paired_at, last_seq) VALUES ('console_1', 'Desk', ${yes === 'true' ? 'false' : '0'}, '${hashConsoleToken(token)}', '${at}', 3);
INSERT INTO credentials (id, unit_id, kind, audience, ${j('schedule')}, ${j('guest')}, pin_code, origin_console_id, granted_at) VALUES ('cred_1', 'north-101', 'pin', 'guest', '{"type":"permanent"}', '{}', '482913', 'console_1', '${at}');
INSERT INTO mutation_results (mutation_id, console_id, seq, status, cursor, settled_at) VALUES ('m1', 'console_1', 3, 'accepted', 1, '${at}');
INSERT INTO changes (kind, ${j('payload')}, origin, mutation_id, at, applied_at, ${j('audit')}) VALUES ('credential.granted', '{"credentialId":"cred_1"}', 'console_1', 'm1', '${at}', '${at}', '{"action":"a","summary":"s"}');
INSERT INTO pin_leases (code, console_id, leased_at, expires_at) VALUES ('135792', 'console_1', '${at}', '${later}');
INSERT INTO audit_anchors (console_id, seq, hash, received_at) VALUES ('console_1', 7, '${'c'.repeat(64)}', '${at}');
INSERT INTO text_outbox (idempotency_key, credential_id, reason, to_number, body, next_attempt_at, queued_at) VALUES ('cred_1:granted', 'cred_1', 'granted', '+13125550100', 'hi', '${at}', '${at}');
`;

const stores: { kind: string; open(): Promise<{ store: CloudStore; done(): Promise<void> }> }[] = [
  {
    kind: 'sqlite',
    async open() {
      const dir = tempDir();
      const db = new Database(path.join(dir, 'cloud.sqlite'));
      db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT');
      for (const m of sqliteMigrations.filter((x) => x.version <= 5)) {
        db.exec(m.sql);
        db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, at);
      }
      db.exec(rows((c) => `${c}_json`, '1'));
      db.close();
      return { store: openSqliteCloudStore(dir), done: async () => undefined };
    },
  },
  {
    kind: 'postgres',
    async open() {
      const database: TestDatabase = await freshPostgresDatabase();
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      await client.query('CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)');
      await client.query(postgresInitial);
      await client.query(`INSERT INTO schema_migrations VALUES (1, 'initial', now())`);
      await client.query(rows((c) => c, 'true'));
      await client.end();
      return { store: await openPostgresCloudStore(database.url), done: () => database.drop() };
    },
  },
];

describe.each(stores)('upgrading a one-community cloud on $kind', ({ open }) => {
  let done: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await done?.();
  });

  it('keeps everything it held, as its one community’s, and takes a second community with the same ids', async () => {
    const opened = await open();
    const { store } = opened;
    done = async () => {
      await store.close();
      await opened.done();
    };
    expect((await store.communities()).map((c) => c.id)).toEqual(['old-town']);
    expect(await store.consoleByTokenHash(hashConsoleToken(token))).toMatchObject({ id: 'console_1', communityId: 'old-town' });
    const oldTown = store.forCommunity('old-town');
    expect(await oldTown.lastSeq('console_1')).toBe(3);
    expect((await oldTown.mutationResults(['m1'])).get('m1')).toMatchObject({ seq: 3, cursor: 1 });
    expect((await oldTown.changesAfter(0, 10)).changes).toEqual([expect.objectContaining({ cursor: 1, kind: 'credential.granted' })]);
    expect(await oldTown.latestAuditAnchor('console_1')).toMatchObject({ seq: 7 });
    const credential = await oldTown.transaction((tx) => tx.credential('cred_1'));
    expect(credential).toMatchObject({ unitId: 'north-101', pinCode: '482913', doors: [] });
    expect(await oldTown.transaction((tx) => tx.pinsTaken(['135792'], at))).toBe(true);
    expect(await store.claimDueTexts(later, 10, { by: 'test', until: later })).toEqual([expect.objectContaining({ communityId: 'old-town', idempotencyKey: 'cred_1:granted' })]);

    // New Town: the same building, unit and door ids; nothing of Old Town's shows.
    const newTown = store.forCommunity('new-town');
    await store.addCommunity({
      community: { id: 'new-town', name: 'New Town', timeZone: 'America/Chicago', phoneRegion: 'US', accessSystem: null, guidelines: (await oldTown.community()).guidelines },
      lockModels: [{ id: 'kp', maker: 'Kestrel', name: 'Keypad', role: 'unit_lock', capabilities: (await oldTown.transaction((tx) => tx.doorLockModels()))[0]?.capabilities ?? {} }],
      buildings: [{ id: 'north', name: 'North', floors: [{ level: 1, units: [{ id: 'north-101', number: '101', lockModelId: 'kp' }] }] }],
      sharedDoors: [],
      staff: [{ id: 'avery', name: 'Avery', role: 'admin', passcode: '1357' }],
    } as never);
    expect((await newTown.changesAfter(0, 10)).changes).toEqual([]);
    expect(await newTown.transaction((tx) => tx.pinsTaken(['482913', '135792'], at))).toBe(false);
    expect(await newTown.transaction((tx) => tx.unit('north-101'))).toMatchObject({ id: 'north-101', buildingName: 'North' });
  });
});
