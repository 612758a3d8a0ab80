import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileTextProvider } from '../../src/cloud/texts/file-text-provider';
import type { GuestLinks } from '../../src/cloud/texts/guest-text';
import { TextSendError, type TextMessage, type TextProvider } from '../../src/cloud/texts/text-provider';
import { TwilioTextProvider } from '../../src/cloud/texts/twilio-text-provider';
import { cloudStores, demoTextKey, grantPayload, readTexts, startTestCloud, tempDir, type CloudStoreKind, type TestCloud } from './helpers/test-cloud';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function cloudWith(texts?: TextProvider, textRetryDelaysMs?: number[], store: CloudStoreKind = 'sqlite', links?: GuestLinks): Promise<TestCloud> {
  const cloud = await startTestCloud({ store, ...(texts ? { texts } : {}), ...(textRetryDelaysMs ? { textRetryDelaysMs } : {}), ...(links ? { links } : {}) });
  cleanups.push(() => cloud.close());
  return cloud;
}

describe('FileTextProvider', () => {
  it('appends one JSON line per text and answers an id', async () => {
    const dir = tempDir();
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'nested', 'texts.jsonl');
    const provider = new FileTextProvider(file);
    const a = await provider.send({ to: '+13125550142', body: 'one', idempotencyKey: 'cred_1:granted' });
    const b = await provider.send({ to: '+13125550143', body: 'two', idempotencyKey: 'cred_2:granted' });
    expect(a.id).not.toBe(b.id);
    expect(readTexts(file)).toEqual([
      { id: a.id, at: expect.any(String), to: '+13125550142', body: 'one', idempotencyKey: 'cred_1:granted' },
      { id: b.id, at: expect.any(String), to: '+13125550143', body: 'two', idempotencyKey: 'cred_2:granted' },
    ]);
  });

  it('writes a text once per idempotency key, also after a restart, and skips a torn last line', async () => {
    const dir = tempDir();
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'texts.jsonl');
    const message = { to: '+13125550142', body: 'one', idempotencyKey: 'cred_1:granted' };
    const first = await new FileTextProvider(file).send(message);
    fs.appendFileSync(file, '{"id":"file_torn","to":"+1');
    const again = await new FileTextProvider(file).send(message);
    expect(again.id).toBe(first.id);
    expect(fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.includes('cred_1:granted'))).toHaveLength(1);
  });
});

interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A stand-in for Twilio's Messages resource that answers what the test says. */
async function fakeTwilio(answer: (req: Received) => { status: number; body: unknown }): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() };
      received.push(r);
      const { status, body } = answer(r);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

describe('TwilioTextProvider', () => {
  const message: TextMessage = { to: '+13125550142', body: 'Riverside Commons: your access code for North Tower 702 is ready: https://porter.example/c/k7QhZ2s0WcVnR1pYb9uT4xLmE3aDfGjH6oIqKeNwSvU', idempotencyKey: 'cred_1:granted' };

  it('POSTs To, From and Body form-encoded to the account’s Messages resource with Basic auth and an Idempotency-Key', async () => {
    const fake = await fakeTwilio(() => ({ status: 201, body: { sid: 'SM0123456789abcdef', status: 'queued' } }));
    const provider = new TwilioTextProvider({ baseUrl: `${fake.url}/`, accountSid: 'AC123', authToken: 's3cret', from: '+13125550100' });
    expect(await provider.send(message)).toEqual({ id: 'SM0123456789abcdef' });
    expect(fake.received).toHaveLength(1);
    const r = fake.received[0]!;
    expect(r.method).toBe('POST');
    expect(r.url).toBe('/2010-04-01/Accounts/AC123/Messages.json');
    expect(r.headers.authorization).toBe(`Basic ${Buffer.from('AC123:s3cret').toString('base64')}`);
    expect(r.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(r.headers['idempotency-key']).toBe('cred_1:granted');
    expect(Object.fromEntries(new URLSearchParams(r.body))).toEqual({ To: '+13125550142', From: '+13125550100', Body: message.body });
  });

  it('a 4xx is permanent; a 5xx, a 429 and an unreachable provider are worth another try', async () => {
    const statuses = [400, 500, 429];
    const fake = await fakeTwilio(() => ({ status: statuses.shift()!, body: { code: 21211, message: 'The To number is not a valid phone number.' } }));
    const provider = new TwilioTextProvider({ baseUrl: fake.url, accountSid: 'AC123', authToken: 's3cret', from: '+13125550100' });
    const outcomes: unknown[] = [];
    for (let i = 0; i < 3; i++) outcomes.push(await provider.send(message).catch((e: unknown) => e));
    expect(outcomes.map((e) => [(e as TextSendError).permanent, (e as Error).message])).toEqual([
      [true, 'The text provider answered 400: The To number is not a valid phone number.'],
      [false, 'The text provider answered 500: The To number is not a valid phone number.'],
      [false, 'The text provider answered 429: The To number is not a valid phone number.'],
    ]);
    const unreachable = new TwilioTextProvider({ baseUrl: 'http://127.0.0.1:1', accountSid: 'AC123', authToken: 's3cret', from: '+13125550100' });
    const error = await unreachable.send(message).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TextSendError);
    expect((error as TextSendError).permanent).toBe(false);
  });

  it('links to the cloud’s own public address once the operator names it', async () => {
    const fake = await fakeTwilio((r) => ({ status: 201, body: { sid: `SM${fake.received.indexOf(r)}` } }));
    const twilio = new TwilioTextProvider({ baseUrl: fake.url, accountSid: 'AC123', authToken: 's3cret', from: '+13125550100' });
    const cloud = await cloudWith(twilio, undefined, 'sqlite', { baseUrl: 'https://access.riverside.com' });
    const desk = await cloud.pair();
    const grant = grantPayload();
    await desk.pushOk(desk.mutation('credential.granted', grant));
    await cloud.server.textsSettled();
    const bodies = fake.received.map((r) => new URLSearchParams(r.body).get('Body'));
    expect(bodies).toEqual([expect.stringMatching(/^Riverside Commons: your access code for North Tower 702 is ready: https:\/\/access\.riverside\.com\/c\/[\w-]{43}$/)]);
    expect(bodies[0]).not.toContain(grant.credentialId);
  });

  it('carries the cloud’s texts end to end', async () => {
    const fake = await fakeTwilio((r) => ({ status: 201, body: { sid: `SM${fake.received.indexOf(r)}` } }));
    const cloud = await cloudWith(new TwilioTextProvider({ baseUrl: fake.url, accountSid: 'AC123', authToken: 's3cret', from: '+13125550100' }));
    const desk = await cloud.pair();
    const grant = grantPayload({ kind: 'ble', pinCode: null, unitId: 'north-101', doors: [{ doorId: 'door-north-101', slot: 1 }] });
    await desk.pushOk(desk.mutation('credential.granted', grant));
    await cloud.server.textsSettled();
    expect(fake.received.map((r) => new URLSearchParams(r.body).get('Body'))).toEqual([
      `Riverside Commons: your Bluetooth pass for North Tower 101 is ready. Get the Porter Keys app and sign up with this phone number: https://porter.example/app`,
    ]);
  });
});

describe.each(cloudStores)('text delivery and credential.text_status on %s', (store) => {
  it('each sent text becomes a text_status change for every console; a resend texts again', async () => {
    const cloud = await cloudWith(undefined, undefined, store);
    const desk = await cloud.pair();
    const grant = grantPayload();
    await desk.pushOk(desk.mutation('credential.granted', grant));
    const [resend] = await desk.pushOk(desk.mutation('credential.text_requested', { credentialId: grant.credentialId, at: new Date().toISOString() }));
    expect(resend).toMatchObject({ status: 'accepted', cursor: expect.any(Number) });
    await cloud.server.textsSettled();
    const statuses = (await desk.pullAll()).filter((c) => c.kind === 'credential.text_status');
    expect(statuses.map((c) => c.payload)).toEqual([
      { credentialId: grant.credentialId, status: 'sent', error: null, reason: 'granted', at: expect.any(String) },
      { credentialId: grant.credentialId, status: 'sent', error: null, reason: 'resent', at: expect.any(String) },
    ]);
    expect(statuses[0]).toMatchObject({ origin: 'cloud', mutationId: null, actor: null });
    expect(readTexts(cloud.textsFile).map((t) => t.idempotencyKey)).toEqual([demoTextKey(grant.credentialId), demoTextKey(grant.credentialId, `resent:${(resend as { mutationId: string }).mutationId}`)]);
  });

  it('a failing provider is retried with backoff, then the text is given up as failed', async () => {
    let calls = 0;
    const flaky: TextProvider = {
      async send() {
        calls++;
        throw new TextSendError('The text provider answered 503', { permanent: false });
      },
    };
    const cloud = await cloudWith(flaky, [1, 5], store);
    const desk = await cloud.pair();
    const grant = grantPayload();
    await desk.pushOk(desk.mutation('credential.granted', grant));
    await cloud.server.textsSettled();
    expect(calls).toBe(3);
    const statuses = (await desk.pullAll()).filter((c) => c.kind === 'credential.text_status');
    expect(statuses.map((c) => c.payload)).toEqual([{ credentialId: grant.credentialId, status: 'failed', error: 'The text provider answered 503', reason: 'granted', at: expect.any(String) }]);
  });

  it('a permanent refusal is not retried; a text that fails once then passes is sent once', async () => {
    const sent: string[] = [];
    const refusals = new Map<string, number>();
    const provider: TextProvider = {
      async send(m) {
        const seen = refusals.get(m.to) ?? 0;
        refusals.set(m.to, seen + 1);
        if (m.to === '+13125550666') throw new TextSendError('The text provider answered 400: not a mobile number', { permanent: true });
        if (seen === 0) throw new TextSendError('The text provider could not be reached (ECONNRESET).', { permanent: false });
        sent.push(m.idempotencyKey);
        return { id: `id-${m.idempotencyKey}` };
      },
    };
    const cloud = await cloudWith(provider, [1, 1, 1], store);
    const desk = await cloud.pair();
    const landline = grantPayload({ unitId: 'north-101', pinCode: '518204', doors: [{ doorId: 'door-north-101', slot: 1 }], guest: { id: 'g-land', name: 'Lee Land', phone: '+13125550666', company: null } });
    const mobile = grantPayload({ unitId: 'north-102', pinCode: '629315', doors: [{ doorId: 'door-north-102', slot: 1 }] });
    await desk.pushOk(desk.mutation('credential.granted', landline), desk.mutation('credential.granted', mobile));
    await cloud.server.textsSettled();
    expect(refusals.get('+13125550666')).toBe(1);
    expect(sent).toEqual([demoTextKey(mobile.credentialId)]);
    const statuses = (await desk.pullAll()).filter((c) => c.kind === 'credential.text_status').map((c) => [c.payload.credentialId, c.payload.status]);
    expect(statuses).toEqual([
      [landline.credentialId, 'failed'],
      [mobile.credentialId, 'sent'],
    ]);
  });
});
