import { afterEach, describe, expect, it } from 'vitest';
import { freshPostgresDatabase } from '../helpers/postgres-database';
import { startTestCloud, type TestCloud } from './helpers/test-cloud';

/*
 * The limits on guessing hold across cloud instances on one database: a guesser who sends
 * tries to two instances at once (as a load balancer spreads them) gets no more tries checked
 * than through one. Both instances share one clock, which the test holds still.
 */

const clouds: TestCloud[] = [];
afterEach(async () => {
  const instances = clouds.splice(0);
  for (const c of [...instances].reverse()) await c.stop();
  await instances[0]?.close();
});

async function twoInstances(): Promise<{ a: TestCloud; b: TestCloud; clock: { ms: number } }> {
  const clock = { ms: Date.now() };
  const now = () => new Date(clock.ms);
  const database = await freshPostgresDatabase();
  const a = await startTestCloud({ store: 'postgres', database, now });
  clouds.push(a);
  const b = await startTestCloud({ store: 'postgres', database, now });
  clouds.push(b);
  return { a, b, clock };
}

async function pair(url: string, pairingCode: string): Promise<{ status: number; retryAfter: string | null }> {
  const res = await fetch(`${url}/v1/consoles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pairingCode, name: 'Guess', kiosk: false }) });
  await res.arrayBuffer();
  return { status: res.status, retryAfter: res.headers.get('retry-after') };
}

const statuses = (answers: { status: number }[]) => answers.map((a) => a.status).sort();

describe('limits on guessing, across two instances on one PostgreSQL database', () => {
  it('wrong pairing codes sent to both instances at once: five free and one more are checked, the rest wait (429)', async () => {
    const { a, b, clock } = await twoInstances();
    const guesses = Array.from({ length: 12 }, (_, i) => pair(i % 2 === 0 ? a.url : b.url, `ABCD-EFGH-JK${String(i).padStart(2, 'M')}`));
    expect(statuses(await Promise.all(guesses))).toEqual([...Array<number>(6).fill(401), ...Array<number>(6).fill(429)]);
    // The next wait is the count's, whichever instance is asked: even the right code waits.
    const { code } = await a.store.createPairingCode('Front desk');
    expect(await pair(b.url, code)).toEqual({ status: 429, retryAfter: '1' });
    clock.ms += 1_000;
    expect((await pair(b.url, code)).status).toBe(201);
    // A pairing that succeeds starts the count over, on every instance.
    expect((await pair(a.url, 'ABCD-EFGH-JKMN')).status).toBe(401);
  });

  it('wrong passcodes for one staff member on one console, sent to both instances at once: three free and one more are checked', async () => {
    const { a, b, clock } = await twoInstances();
    const desk = await a.pair('Front desk', { signIn: false });
    const onB = desk.resumedAt(b.url);
    const tries = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? desk : onB).signIn('avery', '0000'));
    expect(statuses(await Promise.all(tries))).toEqual([...Array<number>(4).fill(403), ...Array<number>(6).fill(429)]);
    expect(await onB.signIn('avery', '1357')).toMatchObject({ status: 429, retryAfter: '2' });
    clock.ms += 2_000;
    expect((await desk.signIn('avery', '0000')).status).toBe(403);
    expect(await onB.signIn('avery', '1357')).toMatchObject({ status: 429, retryAfter: '4' });
    clock.ms += 4_000;
    expect((await onB.signIn('avery', '1357')).status).toBe(200);
  });
});
