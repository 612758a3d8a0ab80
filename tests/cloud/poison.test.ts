import { afterEach, describe, expect, it } from 'vitest';
import { holdWriteLock, rawExec } from './helpers/raw-store';
import { grantPayload, programmedPayload, sam, cloudStores, startTestCloud, withoutTextStatus, type TestCloud } from './helpers/test-cloud';

/*
 * A mutation that can never apply is refused for good with its reason, so the console's
 * queue moves on; only a passing store trouble is a 5xx the console retries.
 */
/** A trigger that fails the change-log row of one mutation, as a store failing mid-mutation would. */
function failChangeOf(store: string, mutationId: string): string {
  if (store === 'sqlite') return `CREATE TRIGGER fail_change BEFORE INSERT ON changes WHEN NEW.mutation_id = '${mutationId}' BEGIN SELECT RAISE(ABORT, 'the change log refused this row'); END;`;
  return `CREATE FUNCTION fail_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'the change log refused this row'; END $$;
    CREATE TRIGGER fail_change BEFORE INSERT ON changes FOR EACH ROW WHEN (NEW.mutation_id = '${mutationId}') EXECUTE FUNCTION fail_change();`;
}

describe.each(cloudStores)('on %s', (store) => {
  let cloud: TestCloud;
  afterEach(async () => {
    await cloud?.close();
  });

  const depth = 50_000;

  /** `depth` arrays inside each other: [[[[...]]]]. */
  function nested(): unknown {
    let value: unknown = 'bottom';
    for (let i = 0; i < depth; i++) value = [value];
    return value;
  }

  /** A push whose body is written by hand: JSON.stringify itself cannot write this deep. */
  async function pushRaw(url: string, token: string, body: string): Promise<{ status: number; body: { results?: { status: string; code?: string; reason?: string }[] } }> {
    const res = await fetch(`${url}/v1/mutations`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body });
    return { status: res.status, body: await res.json() };
  }

  describe('a mutation that can never apply', () => {
    it('door records nesting thousands deep are refused, and the mutations after them apply', async () => {
      cloud = await startTestCloud({ store });
      const desk = await cloud.pair('Front desk');
      const deep = desk.mutation('door.events_read', { doorId: 'north-entrance', after: 0, records: [nested()] }, sam);
      const next = desk.mutation('door.programmed', programmedPayload(1), sam);
      const text = JSON.stringify({ mutations: [{ ...deep, payload: { ...deep.payload, records: ['DEEP'] } }, next] }).replace('"DEEP"', `${'['.repeat(depth)}"bottom"${']'.repeat(depth)}`);
      const { status, body } = await pushRaw(cloud.url, desk.token, text);
      expect(status).toBe(200);
      expect(body.results![0]).toMatchObject({ status: 'rejected', code: 'invalid_payload', reason: expect.stringContaining('nests deeper than 32 levels') });
      expect(body.results![1]).toMatchObject({ status: 'accepted' });
      expect(withoutTextStatus(await desk.pullAll()).map((c) => c.kind)).toEqual(['door.programmed']);
    });

    it('a payload that throws while it is applied is refused as unprocessable, once and for good', async () => {
      cloud = await startTestCloud({ store });
      const desk = await cloud.pair('Front desk');
      // 30 February passes the schedule's pattern but is no date: applying it throws every time.
      const impossible = desk.mutation('credential.granted', grantPayload({ schedule: { type: 'temporary', starts: '2030-02-01T09:00', ends: '2030-02-30T09:00' } }));
      const next = desk.mutation('credential.granted', grantPayload({ pinCode: '739104' }));
      const { status, body } = await desk.push([impossible, next]);
      expect(status).toBe(200);
      expect(body.results![0]).toMatchObject({ status: 'rejected', code: 'unprocessable', reason: expect.stringContaining('fails the same way every time') });
      expect(body.results![1]).toMatchObject({ status: 'accepted' });
      const again = await desk.push([impossible]);
      expect(again.body.results![0]).toMatchObject({ status: 'duplicate', original: 'rejected', code: 'unprocessable' });
    });

    it('a busy store is still a 5xx, and the same push applies once the store is free', async () => {
      cloud = await startTestCloud({ store });
      const desk = await cloud.pair('Front desk');
      const m = desk.mutation('door.programmed', programmedPayload(1), sam);
      // Another process holds the write lock past the cloud's busy (lock) timeout.
      const release = await holdWriteLock(cloud);
      const busy = await desk.push([m]);
      await release();
      expect(busy.status).toBe(500);
      expect(busy.body.error).toMatchObject({ code: 'internal' });
      const [r] = await desk.pushOk(m);
      expect(r).toMatchObject({ status: 'accepted' });
    });
  });

  describe('a batch settled in one transaction', () => {
    it('the middle mutation fails after it had written: it is refused and changed nothing, the others apply, and a retry applies nothing twice', async () => {
      cloud = await startTestCloud({ store });
      const desk = await cloud.pair('Front desk');
      const target = grantPayload({ pinCode: '582913' });
      await desk.pushOk(desk.mutation('credential.granted', target));
      const before = (await desk.pullAll()).length;
      const first = grantPayload({ pinCode: '739104', unitId: 'north-701', doors: [{ doorId: 'door-north-701', slot: 1 }] });
      const last = grantPayload({ pinCode: '840215', unitId: 'north-703', doors: [{ doorId: 'door-north-703', slot: 1 }] });
      // In the order they are pushed: each takes the console's next seq.
      const granting = desk.mutation('credential.granted', first);
      const revoke = desk.mutation('credential.revoked', { credentialId: target.credentialId, reason: null, at: new Date().toISOString() });
      const batch = [granting, revoke, desk.mutation('credential.granted', last)];
      // The store fails the revocation's change-log row: by then its credential was ended in the same transaction.
      await rawExec(cloud, failChangeOf(store, revoke.mutationId));
      const { status, body } = await desk.push(batch);
      expect(status).toBe(200);
      expect(body.results!.map((r) => r.status)).toEqual(['accepted', 'rejected', 'accepted']);
      expect(body.results![1]).toMatchObject({ code: 'unprocessable' });
      const credential = (id: string) => cloud.store.transaction((tx) => tx.credential(id));
      expect(await credential(target.credentialId)).toMatchObject({ endReason: null, endedAt: null });
      expect(await credential(first.credentialId)).toMatchObject({ endReason: null });
      expect(await credential(last.credentialId)).toMatchObject({ endReason: null });
      const changes = withoutTextStatus((await desk.pullAll()).slice(before));
      expect(changes.map((c) => [c.kind, (c.payload as { credentialId: string }).credentialId])).toEqual([
        ['credential.granted', first.credentialId],
        ['credential.granted', last.credentialId],
      ]);
      const again = await desk.push(batch);
      expect(again.body.results!.map((r) => [r.status, (r as { original?: string }).original])).toEqual([
        ['duplicate', 'accepted'],
        ['duplicate', 'rejected'],
        ['duplicate', 'accepted'],
      ]);
      expect(withoutTextStatus((await desk.pullAll()).slice(before))).toHaveLength(2);
    });
  });
});
