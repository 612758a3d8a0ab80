import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { OperatorToken, OperatorTokenUnusable } from '../../src/cloud/operator/operator-token';
import { cloudStores, demoCommunityFile, demoCommunityId, startTestCloud, type TestCloud } from './helpers/test-cloud';

const secret = 'op-7f3c9a1e5b2d4f60a8c1e3b5d7f9a2c4e6b8d0f2';

function harborFile(): Record<string, unknown> {
  const demo = JSON.parse(fs.readFileSync(demoCommunityFile, 'utf8')) as { community: Record<string, unknown> };
  return { ...demo, community: { ...demo.community, id: 'harbor-point', name: 'Harbor Point' } };
}

describe('the operator token', () => {
  it('is refused when short enough to guess, and matches only itself', () => {
    expect(() => new OperatorToken('short')).toThrow(OperatorTokenUnusable);
    const token = new OperatorToken(secret);
    expect(token.matches(secret)).toBe(true);
    expect(token.matches(`${secret}x`)).toBe(false);
    expect(token.matches(secret.slice(0, -1))).toBe(false);
  });
});

describe.each(cloudStores)('the operator API on %s', (store) => {
  let cloud: TestCloud;
  afterEach(async () => {
    await cloud?.close();
  });

  const call = (path: string, token: string | null, body?: unknown) =>
    fetch(`${cloud.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('is off without a token: 404 saying how to turn it on', async () => {
    cloud = await startTestCloud({ store });
    const res = await call('/v1/operator/communities', secret);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'operator_api_off', message: expect.stringMatching(/PORTER_CLOUD_OPERATOR_TOKEN/) } });
  });

  it('refuses a missing or wrong token, and a console’s token', async () => {
    cloud = await startTestCloud({ store, operatorToken: new OperatorToken(secret) });
    const desk = await cloud.pair('Front desk', { signIn: false });
    for (const token of [null, `${secret}0`, desk.token]) expect((await call('/v1/operator/communities', token)).status).toBe(401);
    // And the operator's token is no console's.
    expect((await call('/v1/consoles/me', secret)).status).toBe(401);
  });

  it('adds a community from its file, refuses its id twice, and makes pairing codes that pair consoles into it', async () => {
    cloud = await startTestCloud({ store, operatorToken: new OperatorToken(secret) });
    const added = await call('/v1/operator/communities', secret, harborFile());
    expect(added.status).toBe(201);
    expect(await added.json()).toEqual({ community: { id: 'harbor-point', name: 'Harbor Point', timeZone: 'America/Chicago' } });
    const twice = await call('/v1/operator/communities', secret, harborFile());
    expect(twice.status).toBe(409);
    expect(await twice.json()).toMatchObject({ error: { code: 'community_exists', communityId: 'harbor-point' } });
    const list = (await (await call('/v1/operator/communities', secret)).json()) as { communities: { id: string }[] };
    expect(list.communities.map((c) => c.id)).toEqual(['harbor-point', demoCommunityId]);

    const made = await call('/v1/operator/pairing-codes', secret, { communityId: 'harbor-point', name: 'Harbor desk', kiosk: true });
    expect(made.status).toBe(201);
    const code = (await made.json()) as { code: string; communityId: string; kiosk: boolean };
    expect(code).toMatchObject({ communityId: 'harbor-point', kiosk: true });
    const paired = await fetch(`${cloud.url}/v1/consoles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pairingCode: code.code, name: 'Harbor desk', kiosk: false }) });
    expect(await paired.json()).toMatchObject({ kiosk: true, community: { id: 'harbor-point', name: 'Harbor Point' } });
  });

  it('answers a pairing code for an unknown community 404, a bad community file 400, and writes nothing', async () => {
    cloud = await startTestCloud({ store, operatorToken: new OperatorToken(secret) });
    const unknown = await call('/v1/operator/pairing-codes', secret, { communityId: 'nowhere', name: 'Desk' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'unknown_community', communityId: 'nowhere' } });
    const bad = await call('/v1/operator/communities', secret, { community: { id: 'x' } });
    expect(bad.status).toBe(400);
    expect((await cloud.cloudStore.communities()).map((c) => c.id)).toEqual([demoCommunityId]);
  });
});
