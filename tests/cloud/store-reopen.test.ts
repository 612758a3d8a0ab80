import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { avery, grantPayload, jordan, lobbyKiosk, programmedPayload, sam, cloudStores, startTestCloud, TestConsole, withoutTextStatus, type TestCloud } from './helpers/test-cloud';

describe.each(cloudStores)('on %s', (store) => {
  let cloud: TestCloud;
  afterEach(async () => {
    await cloud.close();
  });

  describe('the cloud store across a restart', () => {
    it('keeps consoles, changes and their cursors, answers, guidelines and credentials', async () => {
      cloud = await startTestCloud({ store });
      const desk = await cloud.pair();
      const grant = grantPayload({ pinCode: await desk.leasedCode() });
      const community = await cloud.store.community();
      const before = [
        desk.mutation('credential.granted', grant),
        desk.mutation('door.programmed', programmedPayload(1), sam),
        desk.mutation('community.guidelines_changed', { communityId: community.id, guidelines: { ...community.guidelines, maxTemporaryDays: 5 }, at: new Date().toISOString() }, avery),
      ];
      const answered = await desk.pushOk(...before);
      await cloud.server.textsSettled();
      const changesBefore = await desk.pullAll();

      cloud = await cloud.reopen();
      const same = desk.resumedAt(cloud.url);
      // The token still works and the change log is the same, cursors included.
      expect(await same.pullAll()).toEqual(changesBefore);
      // Every answer is remembered: pushing the batch again applies nothing.
      expect(await same.pushOk(...before)).toEqual(answered.map((r) => ({ ...r, status: 'duplicate', original: r.status })));
      // The console's last applied seq is remembered.
      const stale = { ...same.mutation('door.programmed', programmedPayload(2), sam), seq: 1 };
      expect((await same.push([stale])).status).toBe(409);
      // New changes continue the cursor sequence: after every cursor given before (PostgreSQL may leave gaps).
      const [next] = await same.pushOk(same.mutation('door.programmed', programmedPayload(3), sam));
      expect(next!.cursor).toBeGreaterThan(changesBefore.at(-1)!.cursor);
      // The guidelines changed before the restart still hold, and so does the console's code lease.
      expect((await cloud.store.community()).guidelines.maxTemporaryDays).toBe(5);
      const [leased] = await same.pushOk(same.mutation('credential.granted', grantPayload({ unitId: 'north-703', pinCode: await desk.leasedCode(), doors: [{ doorId: 'north-entrance', slot: 2 }] })));
      expect(leased).toEqual({ mutationId: expect.any(String), status: 'accepted', cursor: expect.any(Number) });
      expect(withoutTextStatus(await same.pullAll()).length).toBe(withoutTextStatus(changesBefore).length + 2);
    });

    it('seeds the community once: a restart does not load the file again', async () => {
      cloud = await startTestCloud({ store });
      const first = await cloud.store.community();
      cloud = await cloud.reopen();
      expect(await cloud.store.community()).toEqual(first);
    });
  });
});

/** SQLite's own upgrade path (the PostgreSQL store starts from its own migration 1). */
describe('the SQLite store, upgraded', () => {
  let cloud: TestCloud;
  afterEach(async () => {
    await cloud.close();
  });

  it('an older store: migration 5 gives each credential the granting role its change recorded, so the kiosk rule holds for it', async () => {
    cloud = await startTestCloud();
    const desk = await cloud.pair();
    const year = new Date().getFullYear() + 1;
    const delivery = (pinCode: string, slot: number) =>
      grantPayload({ pinCode, schedule: { type: 'delivery', starts: `${year}-03-01T09:00`, ends: `${year}-03-01T11:00` }, doors: [{ doorId: 'north-entrance', slot }, { doorId: 'package-room', slot }] });
    const leasings = delivery('517392', 1);
    const kiosks = delivery('640283', 2);
    // The kiosk staff member signed in online at this office console, as leasing did.
    await desk.signInOk(lobbyKiosk.id);
    await desk.pushOk(desk.mutation('credential.granted', leasings, jordan), desk.mutation('credential.granted', kiosks, lobbyKiosk));
    await cloud.stop();
    // The store as it was before migration 5.
    const db = new Database(path.join(cloud.dataDir, 'cloud.sqlite'));
    db.exec('ALTER TABLE credentials DROP COLUMN granted_role; DELETE FROM schema_migrations WHERE version = 5;');
    db.close();

    cloud = await cloud.reopen();
    const same = new TestConsole(cloud.url, desk.token, desk.consoleId);
    same.seq = desk.seq;
    for (const [staffId, key] of desk.keys) same.keys.set(staffId, key);
    const results = await same.pushOk(
      same.mutation('credential.revoked', { credentialId: leasings.credentialId, reason: null, at: new Date().toISOString() }, lobbyKiosk),
      same.mutation('credential.revoked', { credentialId: kiosks.credentialId, reason: null, at: new Date().toISOString() }, lobbyKiosk),
    );
    expect(results.map((r) => r.status)).toEqual(['rejected', 'accepted']);
    expect(results[0]!.reason).toContain('was granted by the leasing office on this console');
  });
});
