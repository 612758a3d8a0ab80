import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshPostgresDatabase } from '../helpers/postgres-database';
import { rawExec } from './helpers/raw-store';
import { readCommunityFile } from '../../src/cloud/community/community-file';
import { demoCommunityFile, grantPayload, programmedPayload, sam, startTestCloud, withoutTextStatus, type TestCloud } from './helpers/test-cloud';

/*
 * Several cloud instances over one PostgreSQL database, as behind a load balancer: a
 * console's requests may land on any of them, and what holds on one instance holds across.
 */

const clouds: TestCloud[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  const instances = clouds.splice(0);
  for (const c of [...instances].reverse()) await c.stop();
  // Every instance stopped: the first one's close drops the database they shared.
  await instances[0]?.close();
});

/** Two instances on one new database; the second's pulls are woken only by notifications (no periodic recheck within a test). */
async function twoInstances(): Promise<[TestCloud, TestCloud]> {
  const database = await freshPostgresDatabase();
  const a = await startTestCloud({ store: 'postgres', database });
  clouds.push(a);
  const b = await startTestCloud({ store: 'postgres', database, pullRecheckMs: 10 * 60_000 });
  clouds.push(b);
  return [a, b];
}

/** Resolves once some connection of the database LISTENs for changes (the instance that watches is ready to hear). */
async function listening(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (;;) {
      const { rows } = await client.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN porter_changes'");
      if (rows[0].n > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await client.end();
  }
}

describe('several cloud instances on one PostgreSQL database', () => {
  it('a console long-polling one instance hears of a grant pushed to another without waiting for its next look (LISTEN/NOTIFY)', async () => {
    const [a, b] = await twoInstances();
    const desk = await a.pair('Front desk');
    const office = (await a.pair('Back office')).resumedAt(b.url);
    const grant = grantPayload({ pinCode: await desk.leasedCode() });
    const m = desk.mutation('credential.granted', grant);
    await listening(b.databaseUrl!);
    const { next } = await office.pull();
    // Held on instance b for up to 25 s; only a notification from a's commit can answer it sooner with the grant.
    const waiting = office.pull(next, undefined, 25);
    const [pushed] = await desk.pushOk(m);
    const page = await waiting;
    // The grant; and, when the text to its guest went out before the page was read, that text's status (the same community's, about the same credential).
    const [first, ...after] = page.changes;
    expect([first!.cursor, first!.kind, first!.mutationId]).toEqual([pushed!.cursor, 'credential.granted', m.mutationId]);
    expect(after.map((c) => [c.kind, c.payload.credentialId])).toEqual(after.length ? [['credential.text_status', grant.credentialId]] : []);
  });

  it('a long-poll wakes on another community’s commit but answers only its own community’s next change', async () => {
    const [a, b] = await twoInstances();
    await a.cloudStore.addCommunity({ ...readCommunityFile(demoCommunityFile), community: { ...readCommunityFile(demoCommunityFile).community, id: 'harbor-point', name: 'Harbor Point' } });
    const riverside = await a.pair('Riverside desk');
    const harbor = await a.pair('Harbor desk', { community: 'harbor-point' });
    const harborOnB = harbor.resumedAt(b.url);
    await listening(b.databaseUrl!);
    const { next } = await harborOnB.pull();
    // Each time instance b reads Harbor Point's log for the waiting pull.
    const looks: (() => void)[] = [];
    const look = (n: number) => new Promise<void>((resolve) => (looks[n] = resolve));
    const [firstLook, secondLook] = [look(0), look(1)];
    let looked = 0;
    const forCommunity = b.cloudStore.forCommunity.bind(b.cloudStore);
    vi.spyOn(b.cloudStore, 'forCommunity').mockImplementation((id) => {
      const community = forCommunity(id);
      const changesAfter = community.changesAfter.bind(community);
      community.changesAfter = async (after, limit) => {
        const found = await changesAfter(after, limit);
        if (id === 'harbor-point' && after === next) looks[looked++]?.();
        return found;
      };
      return community;
    });
    const waiting = harborOnB.pull(next, undefined, 25);
    await firstLook;
    // Riverside's grant, with the ids Harbor Point uses too, notifies instance b (which looks again only when notified):
    // the Harbor Point pull looks, finds nothing of its own, and waits on.
    const grant = grantPayload({ pinCode: '615243' });
    await riverside.pushOk(riverside.mutation('credential.granted', grant));
    await secondLook;
    const own = harbor.mutation('door.programmed', programmedPayload(1), sam);
    const [pushed] = await harbor.pushOk(own);
    const page = await waiting;
    expect(page.changes.map((c) => [c.cursor, c.kind, c.mutationId])).toEqual([[pushed!.cursor, 'door.programmed', own.mutationId]]);
  });

  it('the same batch pushed to two instances at once is applied once, each mutation answered once as applied', async () => {
    const [a, b] = await twoInstances();
    const desk = await a.pair('Front desk');
    const batch = [1, 2, 3].map((v) => desk.mutation('door.programmed', programmedPayload(v), sam));
    const onB = desk.resumedAt(b.url);
    const answers = await Promise.all([desk.pushOk(...batch), onB.pushOk(...batch), desk.pushOk(...batch), onB.pushOk(...batch)]);
    for (const [i, m] of batch.entries()) {
      const statuses = answers.map((results) => results[i]!.status).sort();
      expect(statuses, m.mutationId).toEqual(['accepted', 'duplicate', 'duplicate', 'duplicate']);
    }
    const applied = withoutTextStatus(await desk.pullAll()).map((c) => c.mutationId);
    expect(applied).toEqual(batch.map((m) => m.mutationId));
  });

  it('consoles on two instances granting onto the same doors at once: every guest gets a slot and a code of their own', async () => {
    const [a, b] = await twoInstances();
    const desks = await Promise.all([1, 2, 3, 4, 5, 6].map(async (n) => ((await a.pair(`Desk ${n}`)).resumedAt(n % 2 ? a.url : b.url))));
    // Every grant asks for slot 1 on the same three doors and for the same code none of them leased: the cloud settles both.
    const answers = await Promise.all(
      desks.map(async (desk) => {
        const results = [];
        for (let i = 0; i < 4; i++) results.push(...(await desk.pushOk(desk.mutation('credential.granted', grantPayload()))));
        return results;
      }),
    );
    expect(answers.flat().map((r) => r.status)).toEqual(Array(24).fill('accepted'));
    const grants = withoutTextStatus(await desks[0]!.pullAll()).map((c) => c.payload as { pinCode: string; doors: { doorId: string; slot: number }[] });
    expect(grants).toHaveLength(24);
    for (const doorId of ['door-north-702', 'north-entrance', 'garage-gate']) {
      const slots = grants.map((g) => g.doors.find((d) => d.doorId === doorId)!.slot);
      expect(new Set(slots).size, doorId).toBe(24);
    }
    // All six digits on a keypad without an Enter key: codes of one length clash only when equal.
    const codes = grants.map((g) => g.pinCode);
    expect(codes.every((c) => /^\d{6}$/.test(c))).toBe(true);
    expect(new Set(codes).size).toBe(24);
  });

  it('order per console holds across instances: a seq not after the last applied on one instance is 409 on the other', async () => {
    const [a, b] = await twoInstances();
    const desk = await a.pair('Front desk');
    await desk.pushOk(...[1, 2, 3].map((v) => desk.mutation('door.programmed', programmedPayload(v), sam)));
    const onB = desk.resumedAt(b.url);
    const stale = { ...onB.mutation('door.programmed', programmedPayload(4), sam), seq: 2 };
    const answer = await onB.push([stale]);
    expect(answer.status).toBe(409);
    expect(answer.body.error).toMatchObject({ code: 'out_of_order', lastSeq: 3 });
    expect(withoutTextStatus(await desk.pullAll())).toHaveLength(3);
  });

  it('a console pulling while others push through both instances misses no change: cursors follow commit order', async () => {
    const [a, b] = await twoInstances();
    const pushers = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map((n) => a.pair(`Desk ${n}`)));
    const reader = (await a.pair('Reader')).resumedAt(b.url);
    let pushing = true;
    const pushed = Promise.all(
      pushers.map(async (desk, n) => {
        const on = n % 2 === 0 ? desk : desk.resumedAt(b.url);
        for (let v = 1; v <= 20; v++) await on.pushOk(on.mutation('door.programmed', programmedPayload(n * 100 + v), sam));
      }),
    ).finally(() => (pushing = false));
    // Page by page as a console does: a change whose cursor came before one already seen would be skipped for good.
    const seen: string[] = [];
    let after = 0;
    for (let more = true; pushing || more; ) {
      const page = await reader.pull(after, 7);
      seen.push(...page.changes.map((c) => c.mutationId ?? ''));
      after = page.next;
      more = page.more;
    }
    await pushed;
    const last = await reader.pull(after);
    seen.push(...last.changes.map((c) => c.mutationId ?? ''));
    const all = withoutTextStatus(await reader.pullAll()).map((c) => c.mutationId);
    expect(all).toHaveLength(160);
    expect(seen).toEqual(all);
  });

  it('instances started together on an empty database all start, on the one community seeded once', async () => {
    const database = await freshPostgresDatabase();
    const started = await Promise.allSettled([1, 2, 3].map(() => startTestCloud({ store: 'postgres', database })));
    for (const s of started) if (s.status === 'fulfilled') clouds.push(s.value);
    expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'started'))).toEqual(['started', 'started', 'started']);
    const [a, b, c] = clouds;
    expect(await b!.store.community()).toEqual(await a!.store.community());
    // One set of doors: a grant on one instance is seen on another.
    const desk = await c!.pair();
    const [granted] = await desk.pushOk(desk.mutation('credential.granted', grantPayload({ pinCode: await desk.leasedCode() })));
    expect(granted!.status).toBe('accepted');
    expect(withoutTextStatus(await desk.resumedAt(a!.url).pullAll()).map((ch) => ch.kind)).toEqual(['credential.granted']);
  });

  it('after the database drops every connection (a failover), pushes answer 5xx until they apply, once, and long-polls wake across instances again', async () => {
    const [a, b] = await twoInstances();
    const desk = await a.pair('Front desk');
    const office = (await a.pair('Back office')).resumedAt(b.url);
    await desk.pushOk(desk.mutation('door.programmed', programmedPayload(1), sam));
    await listening(b.databaseUrl!);
    await rawExec(a, 'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    // As a console does: the same push again while the cloud answers 5xx.
    const m = desk.mutation('door.programmed', programmedPayload(2), sam);
    let answer = await desk.push([m]);
    while (answer.status >= 500) answer = await desk.push([m]);
    expect(answer.status).toBe(200);
    expect(answer.body.results).toEqual([{ mutationId: m.mutationId, status: 'accepted', cursor: expect.any(Number) }]);
    // The listening connection comes back on its own, and with it the wake-ups.
    await listening(b.databaseUrl!);
    const { next } = await office.pull();
    const waiting = office.pull(next, undefined, 25);
    const later = desk.mutation('door.programmed', programmedPayload(3), sam);
    await desk.pushOk(later);
    expect((await waiting).changes.map((c) => c.mutationId)).toEqual([later.mutationId]);
    expect(withoutTextStatus(await desk.pullAll()).map((c) => c.payload.version)).toEqual([1, 2, 3]);
  });
});
