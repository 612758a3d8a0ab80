import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rawExec } from './helpers/raw-store';
import { cloudStores, startTestCloud, type TestCloud, type TestConsole } from './helpers/test-cloud';

describe.each(cloudStores)('on %s', (store) => {
  let cloud: TestCloud;
  let desk: TestConsole;
  beforeEach(async () => {
    cloud = await startTestCloud({ store });
    desk = await cloud.pair('Front desk');
  });
  afterEach(async () => {
    await cloud.close();
  });

  const hash = (n: number): string => n.toString(16).padStart(64, '0');
  const head = (seq: number, h = hash(seq)) => ({ seq, hash: h });

  async function anchor(c: TestConsole, body: unknown, token = c.token): Promise<{ status: number; body: Record<string, unknown> }> {
    const res = await fetch(`${c.url}/v1/audit-anchors`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  async function latest(c: TestConsole): Promise<unknown> {
    const res = await fetch(`${c.url}/v1/audit-anchors`, { headers: { authorization: `Bearer ${c.token}` } });
    expect(res.status).toBe(200);
    return ((await res.json()) as { latest: unknown }).latest;
  }

  describe('POST /v1/audit-anchors', () => {
    it('keeps a console’s heads chained, answers a repeat as held, and GET gives the latest', async () => {
      expect(await latest(desk)).toBeNull();
      expect(await anchor(desk, { ...head(10), previous: null })).toMatchObject({ status: 201, body: { anchor: { ...head(10), receivedAt: expect.any(String) } } });
      expect(await anchor(desk, { ...head(25), previous: head(10) })).toMatchObject({ status: 201 });
      // A retry whose answer was lost, and an older head the cloud holds as sent: both held, nothing added.
      expect(await anchor(desk, { ...head(25), previous: head(10) })).toMatchObject({ status: 200, body: { anchor: head(25) } });
      expect(await anchor(desk, { ...head(10), previous: null })).toMatchObject({ status: 200 });
      expect(await latest(desk)).toMatchObject(head(25));
    });

    it('refuses a head that goes backwards, contradicts an earlier one, or does not chain to the latest', async () => {
      await anchor(desk, { ...head(10), previous: null });
      await anchor(desk, { ...head(25), previous: head(10) });
      const refused = (refusal: string) => ({ status: 409, body: { error: { code: 'anchor_conflict', refused: refusal, latest: expect.objectContaining(head(25)), message: expect.any(String) } } });
      // Cut short: a log that now ends at 18 (never recorded).
      expect(await anchor(desk, { ...head(18), previous: head(10) })).toMatchObject(refused('backwards'));
      // Rewritten: another hash for an entry the cloud recorded.
      expect(await anchor(desk, { ...head(25, hash(999)), previous: head(10) })).toMatchObject(refused('contradicts'));
      expect(await anchor(desk, { ...head(10, hash(998)), previous: null })).toMatchObject(refused('contradicts'));
      // Moving on without showing the latest as recorded (a log rewritten, then grown past it).
      expect(await anchor(desk, { ...head(40), previous: head(25, hash(997)) })).toMatchObject(refused('not_chained'));
      expect(await anchor(desk, { ...head(40), previous: null })).toMatchObject(refused('not_chained'));
      expect(await latest(desk)).toMatchObject(head(25));
      // Append-only underneath too.
      await expect(rawExec(cloud, 'DELETE FROM audit_anchors')).rejects.toThrow(/append-only/);
      await expect(rawExec(cloud, "UPDATE audit_anchors SET hash = 'x'")).rejects.toThrow(/append-only/);
    });

    it('keeps each console’s anchors apart, and takes only a console’s own token', async () => {
      const office = await cloud.pair('Back office');
      await anchor(desk, { ...head(10), previous: null });
      expect(await anchor(office, { ...head(3), previous: null })).toMatchObject({ status: 201 });
      expect(await latest(office)).toMatchObject(head(3));
      expect(await latest(desk)).toMatchObject(head(10));
      expect(await anchor(desk, { ...head(11), previous: head(10) }, 'not-a-token')).toMatchObject({ status: 401 });
    });

    it('answers a malformed head 400, naming the field, and keeps nothing', async () => {
      for (const body of [{ seq: 0, hash: hash(1), previous: null }, { seq: 1, hash: 'ABC', previous: null }, { seq: 1, hash: hash(1) }, { seq: 1.5, hash: hash(1), previous: null }]) {
        const answer = await anchor(desk, body);
        expect(answer).toMatchObject({ status: 400, body: { error: { code: 'invalid_input' } } });
      }
      expect(await latest(desk)).toBeNull();
    });
  });
});
