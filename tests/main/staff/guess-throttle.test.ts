import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../src/main/core';
import type { Connection, Core } from '../../../src/main/core-types';
import { openDatabase } from '../../../src/main/store/database';
import { tempDir } from '../../helpers/test-console';

/*
 * Passcode guessing slowed per source (the window or address the guesses come from), on a
 * clock the test moves: growing waits, kept across a restart of the core on the same data
 * folder, not felt by another source, and forgiven by a right passcode from the source.
 */

let clock = new Date('2026-11-26T15:00:00Z');
const tick = (seconds: number): void => void (clock = new Date(clock.getTime() + seconds * 1000));
const cores: Core[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  clock = new Date('2026-11-26T15:00:00Z');
});

function start(dataDir: string): Core {
  const core = createCore({ dataDir, loadDemoWhenEmpty: true, now: () => clock, logError: (_c, e) => { throw e; } });
  cores.push(core);
  return core;
}

function folder(): string {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
}

const signIn = (window: Connection, staffId: string, passcode: string) => window.dispatch('staff.signIn', { staffId, passcode });
const averyWrong = (window: Connection) => signIn(window, 'avery', '0000');
const refusedWith = (message: string) => ({ ok: false, error: { code: 'forbidden', field: 'passcode', message } });

describe('passcode guessing, slowed per source', () => {
  it('three slips are free, then each wrong passcode doubles the wait; nothing is checked while the source waits', async () => {
    const core = start(folder());
    const kiosk = core.connect('browser:10.0.0.7');
    for (let i = 0; i < 3; i++) expect(await averyWrong(kiosk)).toMatchObject(refusedWith('Wrong passcode for Avery Brooks.'));
    expect(await averyWrong(kiosk)).toMatchObject(refusedWith('Wrong passcode for Avery Brooks. Too many wrong passcodes from this window. Try again in 5 s.'));

    // Even the right passcode is not checked during the wait.
    tick(4);
    expect(await signIn(kiosk, 'avery', '1357')).toMatchObject(refusedWith('Too many wrong passcodes from this window. Try again in 1 s.'));
    expect(await kiosk.dispatch('session.get', {})).toMatchObject({ value: { operator: null } });

    const waits: string[] = [];
    for (let i = 0; i < 5; i++) {
      tick(16 * 60);
      const answer = await averyWrong(kiosk);
      waits.push(answer.ok ? 'signed in' : answer.error.message.replace('Wrong passcode for Avery Brooks. ', ''));
    }
    expect(waits).toEqual([
      'Too many wrong passcodes from this window. Try again in 10 s.',
      'Too many wrong passcodes from this window. Try again in 20 s.',
      'Too many wrong passcodes from this window. Try again in 40 s.',
      'Too many wrong passcodes from this window. Try again in 2 min.',
      'Too many wrong passcodes from this window. Try again in 3 min.',
    ]);
    // Up to the ceiling of 15 minutes, and no further.
    for (let i = 0; i < 4; i++) {
      tick(16 * 60);
      await averyWrong(kiosk);
    }
    expect(await signIn(kiosk, 'avery', '1357')).toMatchObject(refusedWith('Too many wrong passcodes from this window. Try again in 15 min.'));
  });

  it('the wait outlasts a restart of the core on the same data folder', async () => {
    const dataDir = folder();
    const before = start(dataDir);
    const kiosk = before.connect('browser:10.0.0.7');
    for (let i = 0; i < 7; i++) {
      await averyWrong(kiosk);
      tick(60);
    }
    tick(-60);
    expect(await averyWrong(kiosk)).toMatchObject(refusedWith('Too many wrong passcodes from this window. Try again in 40 s.'));
    await cores.pop()!.close();

    tick(10);
    const after = start(dataDir);
    const again = after.connect('browser:10.0.0.7');
    expect(await signIn(again, 'avery', '1357')).toMatchObject(refusedWith('Too many wrong passcodes from this window. Try again in 30 s.'));
    // The count goes on from where it was: the next wrong passcode waits 80 s, not none.
    tick(30);
    expect(await averyWrong(again)).toMatchObject(refusedWith('Wrong passcode for Avery Brooks. Too many wrong passcodes from this window. Try again in 2 min.'));
  });

  it('another source is not held up: the admin signs in at their own window while the kiosk waits', async () => {
    const core = start(folder());
    const kiosk = core.connect('browser:10.0.0.7');
    for (let i = 0; i < 6; i++) await averyWrong(kiosk);
    expect(await signIn(kiosk, 'avery', '1357')).toMatchObject({ ok: false, error: { message: expect.stringContaining('Too many wrong passcodes') } });

    const own = core.connect('electron:window');
    expect(await signIn(own, 'avery', '1357')).toMatchObject({ ok: true, value: { operator: { id: 'avery' } } });
    // And a slip there is that window's own first one.
    const other = core.connect('browser:10.0.0.9');
    expect(await signIn(other, 'jordan', '0000')).toMatchObject(refusedWith('Wrong passcode for Jordan Lee.'));
    expect(await signIn(other, 'jordan', '2468')).toMatchObject({ ok: true });
  });

  it('a right passcode from the source starts its count again', async () => {
    const core = start(folder());
    const window = core.connect('browser:10.0.0.7');
    for (let i = 0; i < 5; i++) {
      await averyWrong(window);
      tick(11);
    }
    expect(await signIn(window, 'avery', '1357')).toMatchObject({ ok: true });
    await window.dispatch('staff.signOut', {});
    for (let i = 0; i < 3; i++) expect(await averyWrong(window)).toMatchObject(refusedWith('Wrong passcode for Avery Brooks.'));
  });

  it('every wrong passcode is audited with its source; a wait’s refusals only once, so a flood cannot fill the log', async () => {
    const dataDir = folder();
    const core = start(dataDir);
    const kiosk = core.connect('browser:10.0.0.7');
    for (let i = 0; i < 4; i++) await averyWrong(kiosk);
    for (let i = 0; i < 50; i++) await averyWrong(kiosk);
    const db = openDatabase({ dataDir });
    try {
      const refused = db.prepare("SELECT summary, details_json FROM audit_log WHERE action = 'staff.sign_in_refused' ORDER BY seq").all() as { summary: string; details_json: string }[];
      expect(refused.map((r) => r.summary)).toEqual([
        'Wrong passcode for Avery Brooks from browser:10.0.0.7 (1 in a row from there)',
        'Wrong passcode for Avery Brooks from browser:10.0.0.7 (2 in a row from there)',
        'Wrong passcode for Avery Brooks from browser:10.0.0.7 (3 in a row from there)',
        'Wrong passcode for Avery Brooks from browser:10.0.0.7 (4 in a row from there)',
        'Sign-in for Avery Brooks from browser:10.0.0.7 refused unchecked: 4 wrong passcodes in a row from there',
      ]);
      expect(JSON.parse(refused[4]!.details_json)).toEqual({ source: 'browser:10.0.0.7', waitSeconds: 5 });
    } finally {
      db.close();
    }
  });
});
