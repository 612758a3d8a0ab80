import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { grantPayload, jordan, programmedPayload, sam, cloudStores, startTestCloud, withoutTextStatus, type TestCloud, type TestConsole } from './helpers/test-cloud';

describe.each(cloudStores)('on %s', (store) => {
  let cloud: TestCloud;
  let frontDesk: TestConsole;
  beforeEach(async () => {
    cloud = await startTestCloud({ store });
    frontDesk = await cloud.pair('Front desk');
  });
  afterEach(async () => {
    await cloud.close();
  });

  /** A grant on a unit of its own, so grants in one test never meet on a unit door. */
  function grantOn(unit: string, pinCode: string) {
    return grantPayload({ unitId: unit, pinCode, doors: [{ doorId: `door-${unit}`, slot: 1 }] });
  }

  describe('push then pull', () => {
    it('an accepted mutation comes back from pull with its cursor, origin, and the cloud’s own actor and sentence', async () => {
      const payload = grantPayload({ pinCode: await frontDesk.leasedCode() });
      const m = frontDesk.mutation('credential.granted', payload);
      const [result] = await frontDesk.pushOk(m);
      expect(result).toEqual({ mutationId: m.mutationId, status: 'accepted', cursor: expect.any(Number) });
      const page = await frontDesk.pull();
      expect(page).toEqual({ changes: [expect.objectContaining({ cursor: result!.cursor, kind: 'credential.granted', origin: frontDesk.consoleId, mutationId: m.mutationId, at: m.createdAt, actor: jordan, audit: { action: 'access.granted', summary: `Jordan Lee granted ${payload.guest.name} a Permanent PIN code for North Tower 702, opening 3 doors` } })], next: result!.cursor, more: false, held: false });
      expect(page.changes[0]!.payload).toEqual(payload);
    });

    it('pages with limit, more and next, and answers `after` as next when nothing is new', async () => {
      const results = await frontDesk.pushOk(...[1, 2, 3, 4, 5].map((v) => frontDesk.mutation('door.programmed', programmedPayload(v), sam)));
      const cursors = results.map((r) => r.cursor);
      expect(cursors).toEqual([...cursors].sort((a, b) => a! - b!));

      const first = await frontDesk.pull(0, 2);
      expect(first.changes.map((c) => c.cursor)).toEqual(cursors.slice(0, 2));
      expect(first).toMatchObject({ next: cursors[1], more: true });
      const second = await frontDesk.pull(first.next, 2);
      expect(second.changes.map((c) => c.cursor)).toEqual(cursors.slice(2, 4));
      expect(second).toMatchObject({ next: cursors[3], more: true });
      const last = await frontDesk.pull(second.next, 2);
      expect(last.changes.map((c) => c.cursor)).toEqual(cursors.slice(4));
      expect(last).toMatchObject({ next: cursors[4], more: false });
      expect(await frontDesk.pull(last.next, 2)).toEqual({ changes: [], next: cursors[4], more: false, held: false });
    });

    it('a pull that waits for news is answered by the next push, and answers empty when none comes', async () => {
      const office = await cloud.pair('Back office');
      const start = (await office.pull(0, 1000)).next;
      // The moment the cloud has read the log for the waiting pull and found nothing new.
      let lookedOnce!: () => void;
      const looked = new Promise<void>((resolve) => (lookedOnce = resolve));
      // A pull reads through the community's part of the store, which the cloud asks for per request.
      const forCommunity = cloud.cloudStore.forCommunity.bind(cloud.cloudStore);
      vi.spyOn(cloud.cloudStore, 'forCommunity').mockImplementation((id) => {
        const community = forCommunity(id);
        const changesAfter = community.changesAfter.bind(community);
        community.changesAfter = async (after, limit) => {
          const page = await changesAfter(after, limit);
          if (after === start) lookedOnce();
          return page;
        };
        return community;
      });
      const waiting = office.pull(start, undefined, 25);
      let answered = false;
      void waiting.then(() => (answered = true));
      await looked;
      // Held while nothing is new: a cloud that answered at once would have answered empty, before the push below.
      expect(answered).toBe(false);
      const [result] = await frontDesk.pushOk(frontDesk.mutation('door.programmed', programmedPayload(1), sam));
      const page = await waiting;
      expect(page).toMatchObject({ held: true, next: result!.cursor, changes: [expect.objectContaining({ cursor: result!.cursor, kind: 'door.programmed' })] });
      expect(await office.pull(page.next, undefined, 1)).toEqual({ changes: [], next: page.next, more: false, held: true });
    });

    it('refuses a wait longer than 25 seconds', async () => {
      const res = await fetch(`${cloud.url}/v1/changes?wait=60`, { headers: { authorization: `Bearer ${frontDesk.token}` } });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain('wait');
    });

    it('another console pulls the same changes', async () => {
      const office = await cloud.pair('Back office');
      await frontDesk.pushOk(frontDesk.mutation('credential.granted', grantPayload()));
      const seen = withoutTextStatus(await office.pullAll());
      expect(seen.map((c) => [c.kind, c.origin])).toEqual([['credential.granted', frontDesk.consoleId]]);
    });

    it('refuses a bad pull query with 400', async () => {
      for (const query of ['limit=0', 'limit=1001', 'after=-1', 'after=abc']) {
        const res = await fetch(`${cloud.url}/v1/changes?${query}`, { headers: { authorization: `Bearer ${frontDesk.token}` } });
        expect(res.status, query).toBe(400);
      }
    });
  });

  describe('exactly once', () => {
    it('a mutation pushed twice is applied once; the second answer is duplicate with the original outcome', async () => {
      const m = frontDesk.mutation('credential.granted', grantPayload({ pinCode: await frontDesk.leasedCode() }));
      const [first] = await frontDesk.pushOk(m);
      const [second] = await frontDesk.pushOk(m);
      expect(second).toEqual({ mutationId: m.mutationId, status: 'duplicate', original: 'accepted', cursor: first!.cursor });
      expect(withoutTextStatus(await frontDesk.pullAll())).toHaveLength(1);
    });

    it('a rejected mutation pushed again answers duplicate with its reason', async () => {
      const m = frontDesk.mutation('credential.granted', grantPayload({ schedule: { type: 'recurring', days: ['mon'], from: '09:00', until: '10:00' }, kind: 'ble', pinCode: null, unitId: 'north-702' }));
      const [first] = await frontDesk.pushOk(m);
      expect(first).toMatchObject({ status: 'rejected', code: 'not_allowed' });
      const [again] = await frontDesk.pushOk(m);
      expect(again).toEqual({ mutationId: m.mutationId, status: 'duplicate', original: 'rejected', code: 'not_allowed', reason: first!.reason });
    });

    it('two concurrent pushes of the same batch apply it once, and each mutation is answered once as applied', async () => {
      const batch = ['north-101', 'north-102', 'north-103'].map((u, i) => frontDesk.mutation('credential.granted', grantOn(u, `51739${i}`)));
      const [a, b] = await Promise.all([frontDesk.push(batch), frontDesk.push(batch)]);
      expect([a.status, b.status]).toEqual([200, 200]);
      for (const [i, m] of batch.entries()) {
        const statuses = [a.body.results![i]!, b.body.results![i]!].map((r) => r.status).sort();
        expect(statuses, m.mutationId).toEqual(['accepted', 'duplicate']);
      }
      expect(withoutTextStatus(await frontDesk.pullAll()).map((c) => c.mutationId)).toEqual(batch.map((m) => m.mutationId));
    });

    it('the same mutation twice in one request is applied once', async () => {
      const m = frontDesk.mutation('credential.granted', grantPayload());
      const results = await frontDesk.pushOk(m, m);
      expect(results.map((r) => r.status)).toEqual(['accepted', 'duplicate']);
      expect(withoutTextStatus(await frontDesk.pullAll())).toHaveLength(1);
    });

    it('a mutation id is applied once in the whole community, even from a console paired again', async () => {
      const m = frontDesk.mutation('credential.granted', grantPayload());
      await frontDesk.pushOk(m);
      const repaired = await cloud.pair('Front desk again');
      const [again] = await repaired.pushOk(m);
      expect(again).toMatchObject({ status: 'duplicate', original: 'accepted' });
      expect(withoutTextStatus(await frontDesk.pullAll())).toHaveLength(1);
    });
  });

  describe('in order per console', () => {
    it('a new mutation with a seq not after the last applied one is 409 for the whole request, and nothing of it is applied', async () => {
      const applied = frontDesk.mutation('credential.granted', grantOn('north-101', '517391'));
      await frontDesk.pushOk(applied);
      const fine = frontDesk.mutation('credential.granted', grantOn('north-102', '517392'));
      const late = { ...frontDesk.mutation('credential.granted', grantOn('north-103', '517393')), seq: applied.seq };
      const { status, body } = await frontDesk.push([fine, late]);
      expect(status).toBe(409);
      expect(body.error).toMatchObject({ code: 'out_of_order', mutationId: late.mutationId, seq: applied.seq, lastSeq: applied.seq, message: expect.stringContaining(`not after seq ${fine.seq}`) });
      expect(withoutTextStatus(await frontDesk.pullAll()).map((c) => c.mutationId)).toEqual([applied.mutationId]);
      // The console fixes its order and pushes again: both apply.
      expect((await frontDesk.pushOk(fine, { ...late, seq: fine.seq + 1 })).map((r) => r.status)).toEqual(['accepted', 'accepted']);
    });

    it('seqs going down inside one request are 409', async () => {
      const a = frontDesk.mutation('credential.granted', grantOn('north-101', '517391'));
      const b = frontDesk.mutation('credential.granted', grantOn('north-102', '517392'));
      const { status } = await frontDesk.push([b, a]);
      expect(status).toBe(409);
      expect(withoutTextStatus(await frontDesk.pullAll())).toEqual([]);
    });

    it('seq order is per console: another console starts at its own 1', async () => {
      await frontDesk.pushOk(frontDesk.mutation('credential.granted', grantOn('north-101', '517391')));
      await frontDesk.pushOk(frontDesk.mutation('credential.granted', grantOn('north-102', '517392')));
      const office = await cloud.pair('Back office');
      const [r] = await office.pushOk(office.mutation('credential.granted', grantOn('north-103', '517393')));
      expect(r!.status).toBe('accepted');
    });

    it('answers results in request order, and seqs may skip numbers', async () => {
      const a = frontDesk.mutation('credential.granted', grantOn('north-101', '517391'));
      frontDesk.seq += 5;
      const b = frontDesk.mutation('credential.revoked', { credentialId: 'cred_unknown', reason: null, at: new Date().toISOString() });
      const c = frontDesk.mutation('credential.granted', grantOn('north-102', '517392'));
      const results = await frontDesk.pushOk(a, b, c);
      expect(results.map((r) => r.mutationId)).toEqual([a.mutationId, b.mutationId, c.mutationId]);
    });
  });

  describe('malformed pushes', () => {
    it('answers 400 for a request that does not parse, naming the field', async () => {
      const m = frontDesk.mutation('credential.granted', grantPayload());
      const cases: unknown[] = [{}, { mutations: [{ ...m, mutationId: 'not-a-uuid' }] }, { mutations: [{ ...m, seq: 0 }] }, { mutations: Array.from({ length: 201 }, () => m) }];
      for (const body of cases) {
        const res = await fetch(`${cloud.url}/v1/mutations`, { method: 'POST', headers: { authorization: `Bearer ${frontDesk.token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
        expect(res.status).toBe(400);
        expect(await res.json()).toMatchObject({ error: { code: 'invalid_input', message: expect.stringMatching(/mutations/) } });
      }
      expect(withoutTextStatus(await frontDesk.pullAll())).toEqual([]);
    });

    it('answers 413 for a body over 1 MiB', async () => {
      const huge = JSON.stringify({ mutations: [], padding: 'x'.repeat(1024 * 1024 + 1) });
      const res = await fetch(`${cloud.url}/v1/mutations`, { method: 'POST', headers: { authorization: `Bearer ${frontDesk.token}`, 'content-type': 'application/json' }, body: huge });
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    });

    it('rejects one mutation with an unreadable payload or an unknown kind, not the whole push', async () => {
      const bad = frontDesk.mutation('credential.granted', grantPayload({ guest: { id: 'g1', name: 'Dana', phone: '312-555-0142', company: null } }));
      const unknown = frontDesk.mutation('credential.teleported', { credentialId: 'x' });
      const good = frontDesk.mutation('credential.granted', grantPayload());
      const results = await frontDesk.pushOk(bad, unknown, good);
      expect(results[0]).toMatchObject({ status: 'rejected', code: 'invalid_payload', reason: expect.stringContaining('payload.guest.phone') });
      expect(results[1]).toMatchObject({ status: 'rejected', code: 'unknown_kind' });
      expect(results[2]).toMatchObject({ status: 'accepted' });
      expect(results[0]!.reason).not.toContain('312-555-0142');
    });
  });
});
