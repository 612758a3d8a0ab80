import { afterEach, describe, expect, it } from 'vitest';
import { avery, grantPayload, programmedPayload, sam, startTestCloud, withoutTextStatus, type TestCloud } from './helpers/test-cloud';

let cloud: TestCloud;
afterEach(async () => {
  await cloud.close();
});

describe('the cloud store across a restart', () => {
  it('keeps consoles, changes and their cursors, answers, guidelines and credentials', async () => {
    cloud = await startTestCloud();
    const desk = await cloud.pair();
    const grant = grantPayload();
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
    // New changes continue the cursor sequence.
    const [next] = await same.pushOk(same.mutation('door.programmed', programmedPayload(3), sam));
    expect(next!.cursor).toBe(changesBefore.at(-1)!.cursor + 1);
    // The guidelines changed before the restart still hold, and so does the credential's PIN.
    expect((await cloud.store.community()).guidelines.maxTemporaryDays).toBe(5);
    const [clash] = await same.pushOk(same.mutation('credential.granted', grantPayload({ unitId: 'north-703', doors: [{ doorId: 'north-entrance', slot: 1 }] })));
    expect(clash).toMatchObject({ code: 'pin_taken' });
    expect(withoutTextStatus(await same.pullAll()).length).toBe(withoutTextStatus(changesBefore).length + 3);
  });

  it('seeds the community once: a restart does not load the file again', async () => {
    cloud = await startTestCloud();
    const first = await cloud.store.community();
    cloud = await cloud.reopen();
    expect(await cloud.store.community()).toEqual(first);
  });
});
