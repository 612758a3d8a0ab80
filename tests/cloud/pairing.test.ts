import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeAtRest } from './helpers/raw-store';
import { cloudStores, startTestCloud, type TestCloud } from './helpers/test-cloud';

describe.each(cloudStores)('on %s', (store) => {
  let cloud: TestCloud;
  beforeEach(async () => {
    cloud = await startTestCloud({ store });
  });
  afterEach(async () => {
    await cloud.close();
  });

  function pair(body: unknown): Promise<Response> {
    return fetch(`${cloud.url}/v1/consoles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  }

  function me(token?: string): Promise<Response> {
    return fetch(`${cloud.url}/v1/consoles/me`, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });
  }

  describe('pairing a console', () => {
    it('answers a console id and a 32-byte base64url token for a code, and the token works', async () => {
      const { code } = await cloud.store.createPairingCode('Front desk');
      const res = await pair({ pairingCode: code, name: 'Front desk', kiosk: false });
      expect(res.status).toBe(201);
      const body = (await res.json()) as { consoleId: string; token: string; kiosk: boolean; community: { name: string } };
      expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(body.token, 'base64url')).toHaveLength(32);
      expect(body).toMatchObject({ kiosk: false, community: { id: 'riverside-commons', name: 'Riverside Commons' } });
      const who = await me(body.token);
      expect(who.status).toBe(200);
      expect(await who.json()).toMatchObject({ consoleId: body.consoleId, name: 'Front desk', kiosk: false });
    });

    it('answers a used, an expired and an unknown code alike', async () => {
      const { code } = await cloud.store.createPairingCode('Front desk');
      expect((await pair({ pairingCode: code, name: 'Front desk', kiosk: false })).status).toBe(201);
      const old = await cloud.store.createPairingCode('Front desk', { now: new Date(Date.now() - 25 * 60 * 60 * 1000) });
      const answers = [];
      for (const pairingCode of [code, old.code, 'ABCD-EFGH-JKMN']) {
        const res = await pair({ pairingCode, name: 'Back office', kiosk: false });
        answers.push({ status: res.status, body: await res.json() });
      }
      expect(answers[0]).toEqual({ status: 401, body: { error: { code: 'invalid_pairing_code', message: expect.stringContaining('mistyped, already used or expired') } } });
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[2]).toEqual(answers[0]);
    });

    it('a code lasts 24 hours', async () => {
      const before = Date.now();
      const { expiresAt } = await cloud.store.createPairingCode('Front desk');
      expect(Date.parse(expiresAt) - before).toBeGreaterThanOrEqual(24 * 60 * 60 * 1000 - 1000);
      expect(Date.parse(expiresAt) - before).toBeLessThanOrEqual(24 * 60 * 60 * 1000 + 1000);
    });

    it('forgives case and dashes in a typed code', async () => {
      const { code } = await cloud.store.createPairingCode('Front desk');
      const typed = code.replace(/-/g, ' ').toLowerCase();
      expect((await pair({ pairingCode: typed, name: 'Front desk', kiosk: false })).status).toBe(201);
    });

    it('pairs a kiosk when the operator made the code for one, whatever the console asks', async () => {
      const { code } = await cloud.store.createPairingCode('Lobby', { kiosk: true });
      const res = await pair({ pairingCode: code, name: 'Lobby', kiosk: false });
      expect(await res.json()).toMatchObject({ kiosk: true });
    });

    it('refuses a malformed request with 400 naming the field', async () => {
      const res = await pair({ pairingCode: 'X', name: 'Front desk' });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'invalid_input', message: expect.stringContaining('kiosk') } });
      const notJson = await fetch(`${cloud.url}/v1/consoles`, { method: 'POST', body: '{' });
      expect(notJson.status).toBe(400);
      expect(await notJson.json()).toMatchObject({ error: { code: 'invalid_json' } });
    });
  });

  describe('console tokens', () => {
    const endpoints = [
      ['GET', '/v1/consoles/me'],
      ['DELETE', '/v1/consoles/me'],
      ['POST', '/v1/mutations'],
      ['GET', '/v1/changes'],
      ['POST', '/v1/staff-sessions'],
    ] as const;

    it('every endpoint but pairing answers 401 without a token, with a malformed one and with an unknown one', async () => {
      for (const [method, path] of endpoints) {
        for (const authorization of [undefined, 'Bearer', 'Basic abc', `Bearer ${'x'.repeat(43)}`, 'Bearer short']) {
          const res = await fetch(`${cloud.url}${path}`, {
            method,
            headers: authorization ? { authorization, 'content-type': 'application/json' } : { 'content-type': 'application/json' },
            ...(method === 'POST' ? { body: JSON.stringify({ mutations: [] }) } : {}),
          });
          expect(res.status, `${method} ${path} with ${authorization}`).toBe(401);
          expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
        }
      }
    });

    it('DELETE /v1/consoles/me revokes the caller’s token and only it', async () => {
      const frontDesk = await cloud.pair('Front desk');
      const office = await cloud.pair('Back office');
      const revoke = await fetch(`${cloud.url}/v1/consoles/me`, { method: 'DELETE', headers: { authorization: `Bearer ${frontDesk.token}` } });
      expect(revoke.status).toBe(204);
      const after = await me(frontDesk.token);
      expect(after.status).toBe(401);
      expect(await after.json()).toMatchObject({ error: { code: 'unauthorized', message: expect.stringContaining('revoked') } });
      expect((await me(office.token)).status).toBe(200);
    });

    it('keeps only a hash of each token and pairing code', async () => {
      const { code } = await cloud.store.createPairingCode('Front desk');
      const res = await pair({ pairingCode: code, name: 'Front desk', kiosk: false });
      const { token } = (await res.json()) as { token: string };
      await cloud.stop();
      const bytes = await storeAtRest(cloud);
      expect(bytes.includes(token)).toBe(false);
      expect(bytes.includes(code.replace(/-/g, ''))).toBe(false);
      expect(bytes.includes(code)).toBe(false);
    });
  });

  describe('routes', () => {
    it('answers 404 for an unknown path and 405 with Allow for a wrong method', async () => {
      const missing = await fetch(`${cloud.url}/v1/nothing`);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
      const wrong = await fetch(`${cloud.url}/v1/changes`, { method: 'PUT' });
      expect(wrong.status).toBe(405);
      expect(wrong.headers.get('allow')).toBe('GET');
    });
  });

  describe('guessing pairing codes', () => {
    it('is slowed per client address: five wrong codes are free, then every try waits longer, answered 429 with Retry-After', async () => {
      const clock = { ms: Date.now() };
      await cloud.close();
      cloud = await startTestCloud({ store, now: () => new Date(clock.ms) });
      const guess = (pairingCode: string) => pair({ pairingCode, name: 'Guess', kiosk: false });
      for (let i = 0; i < 5; i++) expect((await guess(`ABCD-EFGH-JKM${i}`)).status).toBe(401);
      const { code } = await cloud.store.createPairingCode('Front desk');
      // The sixth wrong code waits 1 s; meanwhile even the right code is not checked.
      expect((await guess('ABCD-EFGH-JKM5')).status).toBe(401);
      const blocked = await guess(code);
      expect(blocked.status).toBe(429);
      expect(blocked.headers.get('retry-after')).toBe('1');
      expect(await blocked.json()).toMatchObject({ error: { code: 'too_many_attempts' } });
      clock.ms += 1_000;
      expect((await guess('ABCD-EFGH-JKM6')).status).toBe(401);
      expect((await guess(code)).headers.get('retry-after')).toBe('2');
      clock.ms += 2_000;
      // The right code, once the wait is over, pairs; the code was never used up by the refusals.
      expect((await guess(code)).status).toBe(201);
    });

    it('right codes sent at once from one address all pair: a technician setting up a building is never slowed', async () => {
      const codes = await Promise.all(Array.from({ length: 12 }, (_, i) => cloud.store.createPairingCode(`Desk ${i + 1}`)));
      const answers = await Promise.all(codes.map(({ code }, i) => pair({ pairingCode: code, name: `Desk ${i + 1}`, kiosk: false })));
      expect(answers.map((a) => a.status)).toEqual(Array<number>(12).fill(201));
      // None of them counted: five wrong codes from the same address are still free.
      for (let i = 0; i < 5; i++) expect((await pair({ pairingCode: `ABCD-EFGH-JKM${i}`, name: 'Guess', kiosk: false })).status).toBe(401);
    });
  });
});
