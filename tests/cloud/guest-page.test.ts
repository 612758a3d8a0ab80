import { afterEach, describe, expect, it } from 'vitest';
import { cloudStores, grantPayload, readTexts, startTestCloud, type CloudStoreKind, type TestCloud, type TestConsole } from './helpers/test-cloud';

/*
 * The page a guest's text links to: the code for as long as it works, found by the link's
 * random token only (never by the credential id staff and kiosks see), never cached, and the
 * token never in the cloud's log.
 */

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function cloudOn(store: CloudStoreKind, logged: string[] = []): Promise<TestCloud> {
  const cloud = await startTestCloud({ store, log: (_level, message) => logged.push(message) });
  cleanups.push(() => cloud.close());
  return cloud;
}

/** The link in the guest's last text, as the phone shows it, pointed at the test cloud. */
function linkOf(cloud: TestCloud, credentialKey: string): string {
  const text = readTexts(cloud.textsFile).findLast((t) => t.idempotencyKey.includes(credentialKey));
  const link = /https:\/\/porter\.example(\/c\/\S+)$/.exec(text?.body ?? '');
  if (!link) throw new Error(`no code link in ${JSON.stringify(text)}`);
  return `${cloud.url}${link[1]}`;
}

/** The code the cloud settled for the credential (it may not be the one the console chose). */
async function settledCode(desk: TestConsole, credentialId: string): Promise<string> {
  const granted = (await desk.pullAll()).find((c) => c.kind === 'credential.granted' && c.payload.credentialId === credentialId);
  return String(granted?.payload.pinCode);
}

describe.each(cloudStores)('the guest’s code page on %s', (store) => {
  it('shows the code, the unit and when it works in the community’s time; never cached, no referrer, the token kept out of the log', async () => {
    const logged: string[] = [];
    const cloud = await cloudOn(store, logged);
    const desk = await cloud.pair();
    const grant = grantPayload({ schedule: { type: 'temporary', starts: '2099-12-07T09:00', ends: '2099-12-09T18:00' } });
    await desk.pushOk(desk.mutation('credential.granted', grant));
    await cloud.server.textsSettled();
    const link = linkOf(cloud, grant.credentialId);
    expect(link).not.toContain(grant.credentialId);

    const res = await fetch(link);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('Your access code for North Tower 702');
    const code = await settledCode(desk, grant.credentialId);
    expect(code).toMatch(/^\d{6,8}$/);
    expect(html).toContain(`>${code}<`);
    expect(html).toContain('Dec 7, 9:00 AM – Dec 9, 6:00 PM (Central Time)');
    expect(html).toContain('Riverside Commons');

    const token = new URL(link).pathname.slice('/c/'.length);
    expect(logged.some((m) => m.includes(token))).toBe(false);
    expect(logged).toContain('GET /c/<token> 200');
  });

  it('says a revoked code has ended, without the code', async () => {
    const cloud = await cloudOn(store);
    const desk = await cloud.pair();
    const grant = grantPayload();
    await desk.pushOk(desk.mutation('credential.granted', grant));
    await cloud.server.textsSettled();
    const link = linkOf(cloud, grant.credentialId);
    const code = await settledCode(desk, grant.credentialId);
    expect((await (await fetch(link)).text()).includes(code)).toBe(true);
    await desk.pushOk(desk.mutation('credential.revoked', { credentialId: grant.credentialId, reason: null, at: new Date().toISOString() }));
    const res = await fetch(link);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('This access code has ended');
    expect(html).not.toContain(code);
  });

  it('a made-up token, a credential id or a token cut short finds nothing; only GET is served', async () => {
    const cloud = await cloudOn(store);
    const desk = await cloud.pair();
    const grant = grantPayload();
    await desk.pushOk(desk.mutation('credential.granted', grant));
    await cloud.server.textsSettled();
    const link = linkOf(cloud, grant.credentialId);
    const code = await settledCode(desk, grant.credentialId);
    for (const path of [`/c/${'A'.repeat(43)}`, `/c/${grant.credentialId}`, new URL(link).pathname.slice(0, -1), '/c/']) {
      const res = await fetch(`${cloud.url}${path}`);
      expect(res.status, path).toBe(404);
      const html = await res.text();
      expect(html).toContain('This link does not lead to a code');
      expect(html).not.toContain(code);
    }
    const post = await fetch(link, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET');
  });

  it('a Bluetooth pass’s text leads to the app’s page, which names no credential and shows no code', async () => {
    const cloud = await cloudOn(store);
    const desk = await cloud.pair();
    const grant = grantPayload({ kind: 'ble', pinCode: null, unitId: 'north-101', doors: [{ doorId: 'door-north-101', slot: 1 }] });
    await desk.pushOk(desk.mutation('credential.granted', grant));
    await cloud.server.textsSettled();
    const body = readTexts(cloud.textsFile).find((t) => t.idempotencyKey.includes(grant.credentialId))?.body ?? '';
    expect(body).toMatch(/sign up with this phone number: https:\/\/porter\.example\/app$/);
    expect(body).not.toContain(grant.credentialId);
    const res = await fetch(`${cloud.url}/app`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toContain('sign up with the phone number this text came to');
  });
});
